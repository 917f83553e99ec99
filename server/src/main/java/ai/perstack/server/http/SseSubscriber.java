package ai.perstack.server.http;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * One open checkpoint stream, written with non-blocking servlet I/O so it holds no thread while
 * it waits. Events wait in a small queue of shared, already encoded byte arrays; the writer takes
 * them whenever the socket accepts more. While it is behind the job (replaying after
 * {@code Last-Event-ID}) it reads the store a batch at a time as its queue drains; once caught
 * up it is {@link #live} and its job's {@link CheckpointFeed} hands it each new checkpoint.
 * A live subscriber whose queue overflows is disconnected; it resumes with {@code Last-Event-ID}.
 */
final class SseSubscriber implements WriteListener, AsyncListener {
    /** The most events a subscriber may have waiting; one more and it is disconnected. */
    static final int MAX_QUEUED = 512;
    /** A replaying subscriber reads its next batch when fewer than this many events wait. */
    private static final int REFILL_BELOW = 64;

    /** What the feed's offer of a live checkpoint came to. */
    enum Offer { QUEUED, SKIPPED, GAP, OVERFLOW }

    /** What to do after draining, outside the lock. */
    private enum Next { NOTHING, REFILL, END }

    final String jobId;
    final CheckpointFeed feed;
    private final CheckpointFanout fanout;
    private final ServletOutputStream out;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private int sent;
    /** Guarded by {@link #feed}: the feed hands this subscriber new checkpoints. */
    boolean live;
    private boolean replaying;
    private boolean unflushed = true;
    private boolean closing;
    private boolean ended;
    private long lastQueuedNanos = System.nanoTime();

    SseSubscriber(CheckpointFanout fanout, CheckpointFeed feed, String jobId, int after, ServletOutputStream out) {
        this.fanout = fanout;
        this.feed = feed;
        this.jobId = jobId;
        this.sent = after;
        this.out = out;
    }

    /** Completes when the stream has ended, for whatever reason. */
    CompletableFuture<Void> finished() {
        return finished;
    }

    /** The sequence of the last checkpoint queued. */
    synchronized int sent() {
        return sent;
    }

    /** A new checkpoint from the feed; queued only when it is the next one this subscriber needs. */
    synchronized Offer offerLive(int sequence, byte[] event) {
        if (ended || closing || sequence <= sent) {
            return Offer.SKIPPED;
        }
        if (sequence != sent + 1) {
            return Offer.GAP;
        }
        if (queue.size() >= MAX_QUEUED) {
            return Offer.OVERFLOW;
        }
        enqueue(event);
        sent = sequence;
        return Offer.QUEUED;
    }

    /** Checkpoints read from the store by this subscriber's own replay, in order. */
    synchronized void offerReplay(int sequence, byte[] event) {
        if (!ended && !closing && sequence == sent + 1) {
            enqueue(event);
            sent = sequence;
        }
    }

    /** The last event ({@code done} or {@code error}); the stream ends once it is written. */
    synchronized void offerLast(byte[] event) {
        if (!ended && !closing) {
            enqueue(event);
            closing = true;
        }
    }

    /** Queues a ping when nothing was queued for {@code idleNanos}; true when it did. */
    synchronized boolean pingIfIdle(long now, long idleNanos, byte[] ping) {
        if (ended || closing || now - lastQueuedNanos < idleNanos) {
            return false;
        }
        enqueue(ping);
        return true;
    }

    private void enqueue(byte[] event) {
        queue.add(event);
        lastQueuedNanos = System.nanoTime();
    }

    /** Marks a replay round as started; false when one is already running or none is needed. */
    synchronized boolean startReplay() {
        if (replaying || live || closing || ended) {
            return false;
        }
        replaying = true;
        return true;
    }

    synchronized void replayDone() {
        replaying = false;
    }

    /** Writes what the socket accepts now; the container calls back when it accepts more. */
    void drain() {
        Next next;
        synchronized (this) {
            next = drainLocked();
        }
        if (next == Next.END) {
            end();
        } else if (next == Next.REFILL) {
            fanout.replay(this);
        }
    }

    private Next drainLocked() {
        if (ended) {
            return Next.NOTHING;
        }
        try {
            // isReady() is asked only when there is something to write: asked right after a flush
            // it would answer false and make the container call back once the flush completes,
            // a thread hand-off per subscriber per event for nothing.
            while ((!queue.isEmpty() || unflushed) && out.isReady()) {
                byte[] event = queue.poll();
                if (event != null) {
                    out.write(event);
                    unflushed = true;
                } else {
                    unflushed = false;
                    out.flush();
                }
            }
            if (closing) {
                return queue.isEmpty() && !unflushed && out.isReady() ? Next.END : Next.NOTHING;
            }
        } catch (IOException | RuntimeException e) {
            return Next.END;
        }
        return !live && !replaying && queue.size() < REFILL_BELOW ? Next.REFILL : Next.NOTHING;
    }

    /** Ends the stream (after the last event, on a write failure, a slow reader, or shutdown). */
    void end() {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            queue.clear();
        }
        feed.remove(this);
        fanout.leave(this);
        finished.complete(null);
    }

    @Override
    public void onWritePossible() {
        drain();
    }

    @Override
    public void onError(Throwable t) {
        end();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        end();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        end();
    }

    @Override
    public void onError(AsyncEvent event) {
        end();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not restarted
    }
}
