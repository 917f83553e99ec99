package ai.perstack.server.skills.base;

import java.util.ArrayList;
import java.util.List;

/**
 * A job's todo list: the entries and the id the next one gets. An immutable value the job
 * stores with its data (it serializes to {@code {"todos":[...],"nextId":n}}), so the list
 * survives a restart or a move to another process.
 */
public record TodoState(List<Todo> todos, int nextId) {
    /** The empty list. */
    public static final TodoState EMPTY = new TodoState(List.of(), 0);

    public TodoState {
        todos = todos == null ? List.of() : List.copyOf(todos);
    }

    /** Adds {@code titles} with ids counting up, then marks {@code done} ids completed. */
    TodoState apply(List<String> titles, List<Integer> done) {
        List<Todo> next = new ArrayList<>(todos);
        int id = nextId;
        for (String title : titles) {
            next.add(new Todo(id++, title, false));
        }
        for (int i = 0; i < next.size(); i++) {
            Todo t = next.get(i);
            if (!t.completed() && done.contains(t.id())) {
                next.set(i, new Todo(t.id(), t.title(), true));
            }
        }
        return new TodoState(next, id);
    }

    /** The entries not completed yet. */
    public List<Todo> remaining() {
        return todos.stream().filter(t -> !t.completed()).toList();
    }
}
