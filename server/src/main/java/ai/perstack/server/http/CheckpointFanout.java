package ai.perstack.server.http;

import ai.perstack.server.jobs.CheckpointNotifier;
import ai.perstack.server.jobs.JobService;
import ai.perstack.server.store.CheckpointRepository.StoredCheckpoint;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every open checkpoint stream of the server: one {@link CheckpointFeed} per job with
 * subscribers, a few threads that read the store for feeds and replays, and one timer for
 * pings and, on a shared PostgreSQL, the re-read that picks up other processes' commits.
 * No thread is held per subscriber.
 */
final class CheckpointFanout implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointFanout.class);
    /** Checkpoints per store read. */
    static final int BATCH = 128;
    /** Threads that read the store for feeds and replays, and write to subscribers. */
    static final int THREADS = 4;
    private static final byte[] PING = ": ping\n\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ERROR = ("event: error\ndata: {\"message\":\"the checkpoint stream failed; "
            + "reconnect with Last-Event-ID\"}\n\n").getBytes(StandardCharsets.UTF_8);

    private final JobService jobs;
    private final CheckpointNotifier notifier;
    private final long pingNanos;
    private final long pollNanos;
    private final Map<String, CheckpointFeed> feeds = new ConcurrentHashMap<>();
    private final Set<SseSubscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final ExecutorService readers;
    private final ScheduledExecutorService timer;
    private volatile boolean closed;

    /**
     * @param pingMillis the longest silence before a {@code : ping} comment
     * @param pollMillis how often a job's store is read without a signal (other processes'
     *                   commits); at least the ping interval means never
     */
    CheckpointFanout(JobService jobs, long pingMillis, long pollMillis) {
        this.jobs = jobs;
        this.notifier = jobs.signals().notifier();
        this.pingNanos = TimeUnit.MILLISECONDS.toNanos(pingMillis);
        this.pollNanos = pollMillis < pingMillis ? TimeUnit.MILLISECONDS.toNanos(pollMillis) : Long.MAX_VALUE;
        AtomicInteger n = new AtomicInteger();
        this.readers = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "perstack-stream-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "perstack-stream-timer");
            t.setDaemon(true);
            return t;
        });
        long tick = Math.max(5, Math.min(pingMillis, pollMillis) / 4);
        timer.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    JobService jobs() {
        return jobs;
    }

    /**
     * Starts streaming on a request whose async processing has started: replay after
     * {@code after}, then live. The future completes when the stream has ended.
     */
    CompletableFuture<Void> open(HttpServletRequest req, HttpServletResponse res, String jobId, int after) {
        AsyncContext async = req.getAsyncContext();
        async.setTimeout(0);
        CheckpointFeed feed = feeds.compute(jobId, (k, f) -> {
            CheckpointFeed target = f != null ? f : new CheckpointFeed(this, jobId);
            if (f == null) {
                target.registration = notifier.listen(jobId, target);
            }
            target.members++;
            return target;
        });
        SseSubscriber s;
        try {
            s = new SseSubscriber(this, feed, jobId, after, res.getOutputStream());
        } catch (IOException e) {
            leave(feed);
            throw new UncheckedIOException(e);
        }
        subscribers.add(s);
        async.addListener(s);
        if (closed) {
            s.end();
            return s.finished();
        }
        try {
            res.getOutputStream().setWriteListener(s); // the container calls onWritePossible: headers, then replay
        } catch (IOException | RuntimeException e) {
            s.end();
        }
        return s.finished();
    }

    /** Schedules the next replay round of a subscriber that is behind the job. */
    void replay(SseSubscriber s) {
        if (s.startReplay()) {
            execute(() -> replayRound(s));
        }
    }

    private void replayRound(SseSubscriber s) {
        try {
            int after = s.sent();
            JobService.Tail tail = jobs.tail(s.jobId, after, BATCH);
            for (StoredCheckpoint cp : tail.checkpoints()) {
                s.offerReplay(cp.sequence(), checkpointEvent(cp));
            }
            JobService.Progress progress = tail.progress();
            if (s.sent() >= progress.lastSequence()) {
                if (progress.finished()) {
                    s.offerLast(doneEvent(progress.status()));
                } else {
                    s.feed.join(s);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("replaying the checkpoints of job {} failed", s.jobId, e);
            s.offerLast(ERROR);
        } finally {
            s.replayDone();
        }
        s.drain();
    }

    /** A subscriber has ended. */
    void leave(SseSubscriber s) {
        if (subscribers.remove(s)) {
            leave(s.feed);
        }
    }

    private void leave(CheckpointFeed feed) {
        feeds.computeIfPresent(feed.jobId, (k, f) -> {
            if (f != feed) {
                return f;
            }
            if (--f.members > 0) {
                return f;
            }
            f.registration.close();
            return null;
        });
    }

    void execute(Runnable task) {
        try {
            readers.execute(task);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    /** Pings idle streams; on a shared PostgreSQL, makes each feed read the store every poll interval. */
    private void tick() {
        try {
            long now = System.nanoTime();
            for (SseSubscriber s : subscribers) {
                if (s.pingIfIdle(now, pingNanos, PING)) {
                    s.drain();
                }
            }
            if (pollNanos != Long.MAX_VALUE) {
                for (CheckpointFeed f : feeds.values()) {
                    if (now - f.lastReadNanos >= pollNanos) {
                        f.changed();
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("stream timer failed: {}", e.toString());
        }
    }

    byte[] errorEvent() {
        return ERROR;
    }

    static byte[] checkpointEvent(StoredCheckpoint cp) {
        String json = cp.json();
        StringBuilder b = new StringBuilder(json.length() + 40);
        b.append("event: checkpoint\nid: ").append(cp.sequence()).append("\ndata: ").append(json).append("\n\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] doneEvent(String status) {
        // Statuses are fixed lowercase words: no JSON escaping needed.
        return ("event: done\ndata: {\"status\":\"" + status + "\"}\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Ends every stream (server shutdown); clients resume with Last-Event-ID. */
    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        for (SseSubscriber s : List.copyOf(subscribers)) {
            s.end();
        }
        readers.shutdownNow();
    }
}
