/** The environment domain: secrets (write-only, encrypted at rest) and variables. */
package ai.perstack.server.env;
