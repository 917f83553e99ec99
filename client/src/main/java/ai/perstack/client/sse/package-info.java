/**
 * Server-Sent Events: a byte-level parser that follows the WHATWG event-stream
 * interpretation rules, and adapters from an {@link java.io.InputStream} or a
 * {@link java.util.concurrent.Flow.Publisher} of bytes to events.
 */
package ai.perstack.client.sse;
