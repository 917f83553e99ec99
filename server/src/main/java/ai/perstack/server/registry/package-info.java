/**
 * The expert registry: scopes, drafts, versions, tags and yanks, semver and key parsing.
 * Pure domain rules; persistence goes through {@link ai.perstack.server.store}.
 */
package ai.perstack.server.registry;
