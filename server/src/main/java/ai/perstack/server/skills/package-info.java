/**
 * Skills: the tools a job's expert uses, as core's runtime runs them. {@link
 * ai.perstack.server.skills.SkillSet} opens a definition's skills (MCP servers over stdio, SSE
 * or streamable HTTP, and the built-in {@code @perstack/base}), lists their tools under core's
 * raw names, routes calls by name and closes every session and process. The room knows nothing
 * of jobs, HTTP or the store: the caller hands it the workspace, the organization's entries and
 * a place to keep the todo list.
 */
package ai.perstack.server.skills;
