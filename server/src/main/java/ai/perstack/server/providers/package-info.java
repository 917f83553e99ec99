/** Model providers behind one small interface, and the built-in deterministic {@code mock}. */
package ai.perstack.server.providers;
