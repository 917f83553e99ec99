/** The applications domain: an organization's applications and their lifecycle. */
package ai.perstack.server.applications;
