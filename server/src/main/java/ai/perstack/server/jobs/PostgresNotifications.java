package ai.perstack.server.jobs;

import ai.perstack.server.domain.Ids;
import ai.perstack.server.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Job signals between server processes that share one PostgreSQL database, over LISTEN/NOTIFY:
 * a checkpoint committed by one process wakes the streams of that job in every process at once,
 * and a job queued through one process wakes the idle workers of all. Notifications only cut
 * latency: streams still read the store every second and idle workers poll, so a lost
 * notification (or a lost listening connection, re-opened after a second) costs latency, never
 * a checkpoint.
 */
public final class PostgresNotifications implements JobSignals.Broadcast, AutoCloseable {
    static final String CHANNEL = "perstack_jobs";
    private static final Logger LOG = LoggerFactory.getLogger(PostgresNotifications.class);

    private final Database db;
    private final JobSignals signals;
    private final String self = Ids.newId().substring(0, 12);
    private final Thread listener;
    private volatile boolean closed;
    private volatile Connection listening;

    public PostgresNotifications(Database db, JobSignals signals) {
        this.db = db;
        this.signals = signals;
        this.listener = new Thread(this::listen, "perstack-pg-listen");
        this.listener.setDaemon(true);
    }

    /** Starts listening and broadcasting. */
    public PostgresNotifications start() {
        listener.start();
        signals.broadcastTo(this);
        return this;
    }

    @Override
    public void queued() {
        send(self + " q");
    }

    @Override
    public void changed(String jobId) {
        send(self + " c " + jobId);
    }

    private void send(String payload) {
        if (closed) {
            return;
        }
        try (Connection c = db.dedicatedConnection(); PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            ps.setString(1, CHANNEL);
            ps.setString(2, payload);
            ps.execute();
        } catch (SQLException | RuntimeException e) {
            LOG.debug("could not notify other processes: {}", e.toString());
        }
    }

    private void listen() {
        while (!closed) {
            try (Connection c = db.dedicatedConnection()) {
                listening = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] received = pg.getNotifications(1_000);
                    if (received != null) {
                        for (PGNotification n : received) {
                            deliver(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.warn("listening for other processes' job signals failed, retrying in 1 s: {}", e.toString());
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException ie) {
                    return;
                }
            } finally {
                listening = null;
            }
        }
    }

    /** Applies another process's signal here, without sending it on. */
    private void deliver(String payload) {
        String[] parts = payload.split(" ", 3);
        if (parts.length < 2 || parts[0].equals(self)) {
            return; // our own, already applied
        }
        if (parts[1].equals("q")) {
            signals.queuedHere();
        } else if (parts[1].equals("c") && parts.length == 3) {
            signals.notifier().publish(parts[2]);
        }
    }

    @Override
    public void close() {
        closed = true;
        signals.broadcastTo(null);
        try {
            listener.join(3_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
