package ai.perstack.client.internal;

import ai.perstack.client.listener.PerstackListener;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * Hands events to the configured listeners, each guarded so that a failing listener is logged
 * and never changes a call's outcome.
 */
public final class Listeners {
    private static final System.Logger LOGGER = System.getLogger("ai.perstack.client");
    private static final AtomicLong IDS = new AtomicLong();

    private final List<PerstackListener> listeners;

    /** Dispatches to {@code listeners}. */
    public Listeners(List<PerstackListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /** True when no listener is registered: callers skip building events. */
    public boolean none() {
        return listeners.isEmpty();
    }

    /** A new call id. */
    public static long nextCallId() {
        return IDS.incrementAndGet();
    }

    /** Calls {@code method} on each listener with {@code event}. */
    public <E> void emit(BiConsumer<PerstackListener, E> method, E event) {
        for (PerstackListener listener : listeners) {
            try {
                method.accept(listener, event);
            } catch (RuntimeException e) {
                LOGGER.log(Level.WARNING, "listener " + listener.getClass().getName() + " failed on "
                        + event.getClass().getSimpleName(), e);
            }
        }
    }
}
