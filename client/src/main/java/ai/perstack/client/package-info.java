/**
 * The Perstack Java client: the counterpart of the TypeScript {@code @perstack/api-client}.
 */
package ai.perstack.client;
