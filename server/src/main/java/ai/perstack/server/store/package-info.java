/**
 * The JDBC store: HikariCP, Flyway migrations ({@code db/migration}), H2 and PostgreSQL.
 * Repositories run prepared statements inside a {@link ai.perstack.server.store.Tx}; they
 * know nothing of HTTP and enforce no business rule beyond the schema's keys.
 */
package ai.perstack.server.store;
