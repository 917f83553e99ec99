package ai.perstack.server.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The deterministic offline provider: the query's directives drive the run (see
 * {@code docs/mock-provider.md}). Its position in the run is kept in the memo, so a job
 * resumed after a restart continues exactly where its last checkpoint left it.
 */
public final class MockProvider implements ModelProvider {
    static final String FAILURE_NAME = "MockProviderError";
    /** The skill name of the mock's working steps, recorded as core's {@code generalTool} activity. */
    static final String SKILL = "@perstack/mock";

    @Override
    public String name() {
        return "mock";
    }

    @Override
    public String keySecret() {
        return null;
    }

    @Override
    public void checkQuery(String query, JsonNode coordinator) {
        MockScript script = MockScript.parse(query);
        if (script.ask != null && firstInteractiveTool(coordinator) == null) {
            throw new IllegalArgumentException("/ask needs an interactive skill with a tool on expert "
                    + coordinator.path("key").asText());
        }
        for (MockScript.ToolCall call : script.tools) {
            if (!coordinator.path("skills").has(call.skill())) {
                throw new IllegalArgumentException("/tool: " + call.skill() + " is not a skill of expert "
                        + coordinator.path("key").asText());
            }
        }
        for (MockScript.Delegation d : script.delegations) {
            if (!delegates(coordinator, d.key())) {
                throw new IllegalArgumentException("/delegate: " + d.key() + " is not a delegate of expert "
                        + coordinator.path("key").asText());
            }
        }
    }

    @Override
    public Action next(StepContext ctx) throws ProviderFailure, InterruptedException {
        MockScript script = MockScript.parse(ctx.runQuery());
        long sleep = ctx.delegate() ? MockScript.parse(ctx.jobQuery()).sleepMs : script.sleepMs;
        if (sleep > 0) {
            ctx.sleeper().sleep(sleep);
        }
        ObjectNode memo = ctx.memo();
        int position = memo.path("position").asInt(0);
        if (position > 0 && script.fail) {
            throw new ProviderFailure(FAILURE_NAME, "the mock provider failed as the query asked (/fail)", true);
        }
        if (position > 0 && script.failOnce && !memo.path("failedOnce").asBoolean()) {
            memo.put("failedOnce", true);
            throw new ProviderFailure(FAILURE_NAME, "the mock provider failed once as the query asked (/fail-once)", true);
        }
        String input = ctx.runQuery() == null ? "" : ctx.runQuery();
        if (ctx.finalAnswer()) {
            // core's final-answer call after attemptCompletion: no tools, the text completes the run
            String text = "Done: " + script.task;
            return new Action.Complete(text, usage(input, text));
        }
        memo.put("position", position + 1);
        return switch (script.kindAt(position)) {
            case QUERY -> new Action.Query(input, usage(input, ""));
            case EMPTY -> new Action.Empty(usage(input, ""));
            case TODO -> new Action.Todo(script.todos, usage(input, String.join("; ", script.todos)));
            case TOOL -> {
                List<Action.Call> calls = new ArrayList<>();
                for (MockScript.ToolCall call : script.toolSteps.get(position - script.firstToolPosition())) {
                    Action.Kind kind = "interactiveSkill".equals(ctx.expert().path("skills").path(call.skill())
                            .path("type").asText()) ? Action.Kind.INTERACTIVE : Action.Kind.SKILL;
                    calls.add(new Action.Call(callId(), kind, call.skill(), call.tool(), call.args().deepCopy()));
                }
                yield new Action.ToolCalls(calls, script.text, usage(input, calls.stream()
                        .map(c -> c.args().toString()).reduce("", String::concat)), null);
            }
            case WORK -> {
                String note = "Working on: " + script.task;
                ObjectNode args = JsonNodeFactory.instance.objectNode().put("step", position - script.firstWorkPosition() + 1);
                yield new Action.ToolCalls(List.of(new Action.Call(callId(), Action.Kind.SKILL, SKILL, "work", args,
                        note)), script.text, usage(input, note), null);
            }
            case DELEGATE -> {
                List<Action.Call> calls = new ArrayList<>();
                StringBuilder texts = new StringBuilder();
                for (MockScript.Delegation d : script.delegations) {
                    calls.add(new Action.Call(callId(), Action.Kind.DELEGATE, d.key(), Action.Call.delegateToolName(d.key()),
                            JsonNodeFactory.instance.objectNode().put("query", d.text())));
                    texts.append(d.text());
                }
                yield new Action.ToolCalls(calls, script.text, usage(input, texts.toString()), null);
            }
            case ASK -> {
                Map.Entry<String, String> tool = firstInteractiveTool(ctx.expert());
                if (tool == null) {
                    throw new ProviderFailure(FAILURE_NAME, "the expert has no interactive tool for /ask", false);
                }
                ObjectNode args = JsonNodeFactory.instance.objectNode().put("question", script.ask);
                yield new Action.ToolCalls(List.of(new Action.Call(callId(), Action.Kind.INTERACTIVE, tool.getKey(),
                        tool.getValue(), args)), script.text, usage(input, script.ask), null);
            }
            case COMPLETE -> {
                String answer = ctx.results().stream().filter(r -> r.kind() == Action.Kind.INTERACTIVE)
                        .map(Action.Result::text).reduce((a, b) -> a + ", " + b).orElse(null);
                String text = "Done: " + script.task + (answer == null ? "" : " (answer: " + answer + ")");
                yield new Action.Complete(text, usage(answer == null ? input : answer, text));
            }
        };
    }

    /**
     * A call id as a model would make one up. It needs to be unique, not unpredictable: a thread's
     * own random, not {@code UUID.randomUUID}'s generator, whose one lock every thread of the
     * server shares.
     */
    private static String callId() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return "call_" + Long.toHexString(random.nextLong() | Long.MIN_VALUE) + Long.toHexString(random.nextLong() | Long.MIN_VALUE);
    }

    /** Input tokens: characters / 4 rounded up; output likewise. */
    static Usage usage(String input, String output) {
        return new Usage(quarter(input), quarter(output), 0, 0);
    }

    private static long quarter(String text) {
        return (text.codePointCount(0, text.length()) + 3) / 4;
    }

    /** The first tool of the expert's first interactive skill, as (skill, tool), or null. */
    static Map.Entry<String, String> firstInteractiveTool(JsonNode expert) {
        for (Iterator<Map.Entry<String, JsonNode>> it = expert.path("skills").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> skill = it.next();
            if ("interactiveSkill".equals(skill.getValue().path("type").asText())) {
                Iterator<String> tools = skill.getValue().path("tools").fieldNames();
                if (tools.hasNext()) {
                    return Map.entry(skill.getKey(), tools.next());
                }
            }
        }
        return null;
    }

    private static boolean delegates(JsonNode expert, String key) {
        for (JsonNode d : expert.path("delegates")) {
            if (key.equals(d.asText())) {
                return true;
            }
        }
        return false;
    }
}
