/**
 * Model providers behind one small interface: the built-in deterministic {@code mock}, and
 * {@code openai} and {@code anthropic} (subpackages) over HTTP.
 */
package ai.perstack.server.providers;
