package ai.perstack.client.sse;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bridges one subscriber of events to one subscription of byte buffers: it is the byte
 * subscriber upstream and the event subscription downstream.
 *
 * <p>Upstream signals arrive serialized on one thread while {@code request} and
 * {@code cancel} may come from any thread, so all delivery goes through {@link #drain()},
 * which only one thread runs at a time (the usual work-in-progress counter).
 */
final class EventSubscription implements Flow.Subscriber<List<ByteBuffer>>, Flow.Subscription {

    private final Flow.Subscriber<? super SseEvent> downstream;
    private final Queue<SseEvent> ready = new ConcurrentLinkedQueue<>();
    /** Touched only by upstream signals, which are serialized. */
    private final SseParser parser = new SseParser(ready::add);

    private final AtomicLong requested = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    /** An upstream buffer has been requested and not yet received. */
    private final AtomicBoolean awaitingBytes = new AtomicBoolean();
    private volatile Flow.Subscription upstream;
    private volatile boolean upstreamDone;
    private volatile Throwable failure;
    private volatile boolean cancelled;
    private volatile IllegalArgumentException invalidRequest;
    /** Set once a terminal signal went downstream; read and written only inside drain. */
    private boolean terminated;

    EventSubscription(Flow.Subscriber<? super SseEvent> downstream) {
        this.downstream = downstream;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        Objects.requireNonNull(subscription, "subscription");
        if (upstream != null) {
            subscription.cancel();
            return;
        }
        upstream = subscription;
        downstream.onSubscribe(this);
        drain();
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        Objects.requireNonNull(buffers, "buffers");
        if (cancelled || upstreamDone || invalidRequest != null) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            parser.feed(buffer);
        }
        awaitingBytes.set(false);
        drain();
    }

    @Override
    public void onError(Throwable throwable) {
        if (upstreamDone) {
            return;
        }
        failure = Objects.requireNonNull(throwable, "throwable");
        upstreamDone = true;
        drain();
    }

    @Override
    public void onComplete() {
        if (upstreamDone) {
            return;
        }
        parser.finish();
        upstreamDone = true;
        drain();
    }

    @Override
    public void request(long n) {
        if (n <= 0) {
            // Reactive Streams rule 3.9: a non-positive request is a subscriber bug, answered
            // with onError and an end to the upstream subscription.
            invalidRequest = new IllegalArgumentException("non-positive request: " + n);
            Flow.Subscription s = upstream;
            if (s != null) {
                s.cancel();
            }
            drain();
            return;
        }
        requested.getAndAccumulate(n, (current, add) -> {
            long sum = current + add;
            return sum < 0 ? Long.MAX_VALUE : sum;
        });
        drain();
    }

    @Override
    public void cancel() {
        cancelled = true;
        Flow.Subscription s = upstream;
        if (s != null) {
            s.cancel();
        }
        drain();
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            if (!terminated) {
                deliver();
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    private void deliver() {
        long wanted = requested.get();
        long emitted = 0;
        while (true) {
            if (cancelled) {
                ready.clear();
                return;
            }
            if (invalidRequest != null) {
                ready.clear();
                terminated = true;
                downstream.onError(invalidRequest);
                return;
            }
            // Read the flag before polling: once done, nothing more can be queued.
            boolean done = upstreamDone;
            if (ready.isEmpty() && done) {
                terminate();
                return;
            }
            if (emitted == wanted) {
                break;
            }
            SseEvent event = ready.poll();
            if (event == null) {
                break;
            }
            downstream.onNext(event);
            emitted++;
        }
        if (emitted != 0 && wanted != Long.MAX_VALUE) {
            requested.addAndGet(-emitted);
        }
        Flow.Subscription s = upstream;
        if (s != null && ready.isEmpty() && !upstreamDone && requested.get() > 0
                && awaitingBytes.compareAndSet(false, true)) {
            s.request(1);
        }
    }

    private void terminate() {
        terminated = true;
        Throwable t = failure;
        if (t != null) {
            downstream.onError(t);
        } else {
            downstream.onComplete();
        }
    }
}
