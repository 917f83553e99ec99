/** The {@code perstack} command line (picocli): {@code serve} and {@code admin}. */
package ai.perstack.cli;
