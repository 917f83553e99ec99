/**
 * The client's observation SPI: {@link ai.perstack.client.listener.PerstackListener} sees calls,
 * retries and checkpoint streams, for metrics and tracing without a dependency on any library.
 */
package ai.perstack.client.listener;
