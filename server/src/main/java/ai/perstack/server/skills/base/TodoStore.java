package ai.perstack.server.skills.base;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Where the base skill keeps a job's todo list. The job gives one backed by its own data;
 * {@link #inMemory()} is for a job that keeps nothing. Calls of one job are serialized by the
 * skill, so an implementation need not lock.
 */
public interface TodoStore {
    /** The current list. */
    TodoState load();

    /** Replaces the list; called after every change. */
    void save(TodoState state);

    /** A store that holds the list in memory only. */
    static TodoStore inMemory() {
        AtomicReference<TodoState> state = new AtomicReference<>(TodoState.EMPTY);
        return new TodoStore() {
            @Override
            public TodoState load() {
                return state.get();
            }

            @Override
            public void save(TodoState next) {
                state.set(next);
            }
        };
    }
}
