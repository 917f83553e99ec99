package ai.perstack.server.skills.base;

/** One entry of the todo list, as core's {@code todo} tool reports it. */
public record Todo(int id, String title, boolean completed) {
}
