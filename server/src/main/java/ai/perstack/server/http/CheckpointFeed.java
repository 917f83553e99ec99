package ai.perstack.server.http;

import ai.perstack.server.jobs.CheckpointNotifier;
import ai.perstack.server.jobs.JobService;
import ai.perstack.server.store.CheckpointRepository.StoredCheckpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one reader of a job's new checkpoints, shared by all its live subscribers: on each commit
 * signal it reads what is new from the store once, encodes each checkpoint once, and offers the
 * same bytes to every live subscriber. Signals that arrive while it reads are coalesced into
 * the next read.
 *
 * <p>{@link #last} is the highest sequence the feed has dealt with: offered to every live
 * subscriber, or passed while none was live. A subscriber joins the live set only when it has
 * already queued everything up to {@code last}; from then on every live subscriber has queued
 * at least up to {@code last}, so no checkpoint is skipped and none is sent twice. A subscriber
 * offered a checkpoint beyond the next it needs (a gap, possible only right after joining) goes
 * back to replaying from the store.
 */
final class CheckpointFeed implements CheckpointNotifier.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointFeed.class);
    /** Live subscribers one thread writes to before the rest are shared out. */
    private static final int DRAIN_CHUNK = 128;
    /**
     * At most as many threads write to one feed's subscribers as there are cores: more only add
     * context switches and contention on the connections' locks, and on a server given one core
     * they would leave the job's worker a fifth of it instead of half (the fan-out bench, pinned).
     */
    private static final int PARALLEL_DRAINS = Math.max(1,
            Math.min(CheckpointFanout.THREADS, Runtime.getRuntime().availableProcessors()));

    final String jobId;
    private final CheckpointFanout fanout;
    private final List<SseSubscriber> live = new ArrayList<>();
    private int last;
    private String finishedStatus;
    /*
     * The job's worker signals every commit through changed(): it must never wait for the pump,
     * which holds this feed's lock while it offers a checkpoint to every live subscriber (a
     * thousand of them take a while). So the signal is two flags, not the lock.
     */
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    /** Subscribers of this job, live or not; changed only inside the fan-out's map operations. */
    int members;
    CheckpointNotifier.Registration registration;
    volatile long lastReadNanos = System.nanoTime();

    CheckpointFeed(CheckpointFanout fanout, String jobId) {
        this.fanout = fanout;
        this.jobId = jobId;
    }

    @Override
    public void changed() {
        dirty.set(true);
        if (running.compareAndSet(false, true)) {
            fanout.execute(this::pump);
        }
    }

    @Override
    public void closed() {
        // The fan-out ends every stream when the server closes.
    }

    private void pump() {
        while (true) {
            if (!dirty.getAndSet(false)) {
                running.set(false);
                // A signal that came between the check and the release found the pump still running
                // and left it to this one: take it up again unless another pump already has.
                if (!dirty.get() || !running.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            lastReadNanos = System.nanoTime();
            try {
                readOnce();
            } catch (RuntimeException e) {
                LOG.error("reading the checkpoints of job {} failed", jobId, e);
                List<SseSubscriber> failed;
                synchronized (this) {
                    failed = new ArrayList<>(live);
                    live.forEach(s -> s.live = false);
                    live.clear();
                }
                for (SseSubscriber s : failed) {
                    s.offerLast(fanout.errorEvent());
                    s.drain();
                }
            }
        }
    }

    private void readOnce() {
        int from;
        boolean anyLive;
        synchronized (this) {
            from = last;
            anyLive = !live.isEmpty();
        }
        // With nobody live only the progress is needed: subscribers that are replaying read for themselves.
        JobService.Tail tail = fanout.jobs().tail(jobId, from, anyLive ? CheckpointFanout.BATCH : 0);
        List<StoredCheckpoint> read = tail.checkpoints();
        byte[][] events = new byte[read.size()][];
        for (int i = 0; i < events.length; i++) {
            events[i] = CheckpointFanout.checkpointEvent(read.get(i));
        }
        JobService.Progress progress = tail.progress();
        List<SseSubscriber> toDrain;
        List<SseSubscriber> behind = new ArrayList<>();
        List<SseSubscriber> tooSlow = new ArrayList<>();
        synchronized (this) {
            if (!anyLive && !live.isEmpty()) {
                dirty.set(true); // someone went live meanwhile: read again, with the checkpoints
                return;
            }
            for (int i = 0; i < events.length; i++) {
                int sequence = read.get(i).sequence();
                for (int j = 0; j < live.size(); j++) {
                    SseSubscriber s = live.get(j);
                    SseSubscriber.Offer offer = s.offerLive(sequence, events[i]);
                    if (offer == SseSubscriber.Offer.GAP || offer == SseSubscriber.Offer.OVERFLOW) {
                        s.live = false;
                        live.remove(j--);
                        (offer == SseSubscriber.Offer.GAP ? behind : tooSlow).add(s);
                    }
                }
                last = Math.max(last, sequence);
            }
            toDrain = new ArrayList<>(live);
            if (read.size() == CheckpointFanout.BATCH && last < progress.lastSequence()) {
                dirty.set(true);
            } else {
                last = Math.max(last, progress.lastSequence());
                finishedStatus = progress.finished() ? progress.status() : null;
                if (finishedStatus != null) {
                    byte[] done = CheckpointFanout.doneEvent(finishedStatus);
                    for (SseSubscriber s : live) {
                        s.live = false;
                        s.offerLast(done);
                    }
                    live.clear();
                }
            }
        }
        for (SseSubscriber s : tooSlow) {
            LOG.debug("disconnecting a subscriber of job {} that fell {} events behind", jobId, SseSubscriber.MAX_QUEUED);
            s.end();
        }
        for (SseSubscriber s : behind) {
            s.drain();
        }
        drainAll(toDrain);
    }

    /**
     * Writes to every live subscriber; a large audience is split among the stream threads so
     * the socket writes use every core. Each subscriber's queue keeps the order.
     */
    private void drainAll(List<SseSubscriber> subscribers) {
        int n = subscribers.size();
        int parts = Math.min(PARALLEL_DRAINS, n / DRAIN_CHUNK + 1);
        for (int part = 1; part < parts; part++) {
            List<SseSubscriber> slice = subscribers.subList(n * part / parts, n * (part + 1) / parts);
            fanout.execute(() -> slice.forEach(SseSubscriber::drain));
        }
        for (SseSubscriber s : subscribers.subList(0, n / parts)) {
            s.drain();
        }
    }

    /**
     * A replaying subscriber has read up to the job's last checkpoint (the job not finished as
     * it read): it becomes live (true) if it has everything up to {@link #last}.
     */
    synchronized boolean join(SseSubscriber s) {
        int sent = s.sent();
        // Behind the feed, or the feed saw the job finish after the subscriber's read: read again.
        if (sent < last || finishedStatus != null) {
            return false;
        }
        if (live.isEmpty()) {
            last = Math.max(last, sent);
        }
        s.live = true;
        live.add(s);
        return true;
    }

    synchronized void remove(SseSubscriber s) {
        s.live = false;
        live.remove(s);
    }
}
