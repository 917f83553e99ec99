/**
 * The built-in {@code @perstack/base} skill: core's 17 tools (files, exec, todos, health and
 * attemptCompletion) in Java, confined to the job's workspace, with core's names, arguments,
 * results and errors.
 */
package ai.perstack.server.skills.base;
