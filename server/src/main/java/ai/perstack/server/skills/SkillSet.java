package ai.perstack.server.skills;

import ai.perstack.server.skills.base.BaseSkill;
import ai.perstack.server.skills.base.ChildEnvironment;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpClientTransport;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A definition's skills, opened for one run segment of a job, as core opens them: the base
 * skill first, then the MCP skills (connected in parallel; a {@code lazyInit} one is awaited only
 * when its tools are first listed). Tools are listed under their raw names in that order; a call
 * goes to the first skill listing the name. Any start failure closes what was opened and names
 * the skill. {@link #close()} ends every session and process, and any call still running.
 */
public final class SkillSet implements AutoCloseable {
    /** A skill's {@code rule}, for the system prompt. */
    public record Rule(String skillName, String rule) {
    }

    /** One call of a step. */
    public record Call(String toolName, ObjectNode args) {
    }

    /** At most this many calls of one skill set run at once; more wait their turn (core sets no bound). */
    public static final int MAX_PARALLEL_CALLS = 8;

    private final List<SkillSession> sessions;
    private final List<Rule> rules;
    private final ExecutorService calls;
    private volatile boolean closed;
    private final Map<CompletableFuture<ToolResult>, String> inflight = new java.util.concurrent.ConcurrentHashMap<>();

    private SkillSet(List<SkillSession> sessions, List<Rule> rules) {
        this.sessions = sessions;
        this.rules = rules;
        this.calls = Executors.newFixedThreadPool(MAX_PARALLEL_CALLS, r -> {
            Thread t = new Thread(r, "skill-call");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Checks every skill against the runtime's rules (policy, required variables, endpoints),
     * then starts them.
     *
     * @throws SkillStartException naming the first skill that is refused or fails to start
     */
    public static SkillSet open(List<SkillSpec> specs, SkillRuntime runtime) throws SkillStartException {
        List<SkillSpec> ordered = new ArrayList<>();
        specs.stream().filter(s -> s.name().equals(StdioSkillSpec.BASE)).forEach(ordered::add);
        specs.stream().filter(s -> !s.name().equals(StdioSkillSpec.BASE)).forEach(ordered::add);
        for (SkillSpec spec : ordered) {
            check(spec, runtime);
        }
        // skills of this job that a killed server left running are ended before new ones start
        ProcessLedger ledger = new ProcessLedger(runtime.workspace());
        ledger.reapOrphans();
        List<SkillSession> sessions = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        try {
            for (SkillSpec spec : ordered) {
                sessions.add(session(spec, runtime, ledger));
                if (spec.rule() != null && !spec.rule().isBlank()) {
                    rules.add(new Rule(spec.name(), spec.rule()));
                }
            }
            sessions.stream().filter(s -> s instanceof McpSession).forEach(s -> ((McpSession) s).start());
            for (int i = 0; i < ordered.size(); i++) {
                if (!(ordered.get(i) instanceof StdioSkillSpec stdio && stdio.lazyInit() && !stdio.isBuiltinBase())) {
                    sessions.get(i).tools();
                }
            }
        } catch (SkillStartException | RuntimeException e) {
            sessions.forEach(SkillSession::close);
            throw e;
        }
        return new SkillSet(sessions, rules);
    }

    /** Every tool in startup order (waits for lazily started skills). */
    public List<SkillTool> tools() throws SkillStartException {
        List<SkillTool> all = new ArrayList<>();
        for (SkillSession s : sessions) {
            all.addAll(s.tools());
        }
        return all;
    }

    /** The skill that answers {@code toolName}: the first in startup order listing it. */
    public Optional<SkillTool> find(String toolName) throws SkillStartException {
        return tools().stream().filter(t -> t.name().equals(toolName)).findFirst();
    }

    /** The rules of the skills that have one, in startup order. */
    public List<Rule> rules() {
        return rules;
    }

    /** Calls one tool by its raw name. */
    public ToolResult call(String toolName, ObjectNode args) throws UnknownToolException, SkillStartException {
        SkillTool tool = find(toolName).orElseThrow(() -> new UnknownToolException(toolName));
        SkillSession session = sessions.stream().filter(s -> s.name().equals(tool.skillName())).findFirst()
                .orElseThrow();
        if (closed) {
            return Unrunnable.result(tool);
        }
        return session.call(toolName, args);
    }

    /**
     * Calls all of a step's tools in parallel (at most {@link #MAX_PARALLEL_CALLS} at once) and returns their
     * results in call order.
     *
     * @throws UnknownToolException before anything runs, when a name is not listed by any skill
     */
    public List<ToolResult> callAll(List<Call> step) throws UnknownToolException, SkillStartException {
        for (Call c : step) {
            find(c.toolName()).orElseThrow(() -> new UnknownToolException(c.toolName()));
        }
        List<CompletableFuture<ToolResult>> running = new ArrayList<>();
        for (Call c : step) {
            CompletableFuture<ToolResult> f;
            try {
                f = CompletableFuture.supplyAsync(() -> {
                    try {
                        return call(c.toolName(), c.args());
                    } catch (UnknownToolException | SkillStartException e) {
                        return Unrunnable.error(c.toolName(), e.getMessage());
                    }
                }, calls);
            } catch (java.util.concurrent.RejectedExecutionException closedMeanwhile) {
                f = CompletableFuture.completedFuture(Unrunnable.stopped(c.toolName()));
            }
            CompletableFuture<ToolResult> started = f;
            running.add(started);
            inflight.put(started, c.toolName());
            started.whenComplete((r, e) -> inflight.remove(started));
        }
        if (closed) {
            // a close that came while the calls were being handed out has not seen them all
            running.forEach(f -> f.complete(Unrunnable.stopped(inflight.getOrDefault(f, ""))));
        }
        return running.stream().map(CompletableFuture::join).toList();
    }

    /** Closes every session: processes end, running calls return at once with an error result. */
    @Override
    public void close() {
        closed = true;
        sessions.forEach(SkillSession::close);
        calls.shutdownNow();
        // calls still waiting for a thread never start: they end now, so no step waits for them
        inflight.forEach((f, toolName) -> f.complete(Unrunnable.stopped(toolName)));
    }

    private static void check(SkillSpec spec, SkillRuntime runtime) throws SkillStartException {
        if (spec instanceof StdioSkillSpec stdio && !stdio.isBuiltinBase()) {
            String refusal = runtime.policy().refusal(stdio);
            if (refusal != null) {
                throw new SkillStartException(spec.name(), refusal);
            }
            for (String name : stdio.requiredEnv()) {
                String value = runtime.entries().get(name);
                if (value == null || value.isEmpty()) {
                    throw new SkillStartException(spec.name(), "requires environment variable " + name);
                }
            }
        } else if (spec instanceof HttpSkillSpec http) {
            String problem = EndpointRule.problem(http.endpoint(), runtime.allowLoopbackHttp());
            if (problem != null) {
                throw new SkillStartException(spec.name(), problem);
            }
        }
    }

    private static SkillSession session(SkillSpec spec, SkillRuntime runtime, ProcessLedger ledger) {
        SkillLimits limits = runtime.limits();
        if (spec instanceof StdioSkillSpec stdio && stdio.isBuiltinBase()) {
            return new BaseSession(stdio, new BaseSkill(runtime.workspace(), runtime.todos(), runtime.hostEnv(), runtime.policy()),
                    runtime.workspace());
        }
        if (spec instanceof StdioSkillSpec stdio) {
            Map<String, String> required = new LinkedHashMap<>();
            stdio.requiredEnv().forEach(n -> required.put(n, runtime.entries().get(n)));
            Map<String, String> env = ChildEnvironment.build(runtime.hostEnv(), required);
            List<String> command = new ArrayList<>();
            command.add(stdio.command());
            command.addAll(stdio.argv());
            return new McpSession(stdio.name(), stdio.pick(), stdio.omit(), limits, runtime.events(), () -> {
                runtime.events().starting(stdio.name(), stdio.command(), stdio.argv());
                return List.of(new StdioTransport(stdio.name(), command, env, runtime.workspace().root(),
                        McpSession.MAPPER, limits.maxMessageBytes(), line -> runtime.events().stderr(stdio.name(), line),
                        ledger));
            });
        }
        HttpSkillSpec http = (HttpSkillSpec) spec;
        URI uri = URI.create(http.endpoint());
        String base = uri.getScheme() + "://" + uri.getRawAuthority();
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new McpSession(http.name(), http.pick(), http.omit(), limits, runtime.events(), () -> List.of(
                HttpClientStreamableHttpTransport.builder(base).endpoint(path).jsonMapper(McpSession.MAPPER)
                        .connectTimeout(limits.connectTimeout()).maxResponseSize(limits.maxMessageBytes()).build(),
                HttpClientSseClientTransport.builder(base).sseEndpoint(path).jsonMapper(McpSession.MAPPER)
                        .connectTimeout(limits.connectTimeout()).maxResponseSize(limits.maxMessageBytes()).build()));
    }

    /** Results for calls that cannot run. */
    private static final class Unrunnable {
        static ToolResult result(SkillTool tool) {
            return McpResults.error(tool.skillName(), tool.name(), "the job stopped before the tool ran");
        }

        static ToolResult stopped(String toolName) {
            return McpResults.error("", toolName, "the job stopped before the tool ran");
        }

        static ToolResult error(String toolName, String message) {
            return McpResults.error("", toolName, message);
        }
    }
}
