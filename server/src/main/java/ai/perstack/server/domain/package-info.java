/** Values shared by the domain packages: errors, validation, identifiers, paging. */
package ai.perstack.server.domain;
