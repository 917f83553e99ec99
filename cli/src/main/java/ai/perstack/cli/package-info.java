/**
 * The {@code perstack} command line (picocli): {@code perstack <noun> <verb>} for every call of the
 * Java client, {@code demo}, and the local platform's {@code serve} and {@code admin}.
 */
package ai.perstack.cli;
