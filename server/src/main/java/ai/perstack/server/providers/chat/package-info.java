/**
 * What the chat-style providers share: the runtime loop ({@link ai.perstack.server.providers.chat.ChatProvider}),
 * the conversation kept in a run's memo, tool naming, and the HTTP call with its failure mapping.
 */
package ai.perstack.server.providers.chat;
