/**
 * Perstack's project file, {@code perstack.toml}: {@link ai.perstack.client.config.PerstackToml}
 * reads one into experts and run settings ({@link ai.perstack.client.config.PerstackConfig}).
 */
package ai.perstack.client.config;
