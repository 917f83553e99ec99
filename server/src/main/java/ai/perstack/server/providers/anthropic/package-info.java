/** The {@code anthropic} provider: Anthropic's Messages API, with extended thinking. */
package ai.perstack.server.providers.anthropic;
