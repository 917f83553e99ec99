package ai.perstack.server.providers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A mock query read as a script: lines starting with {@code /} are directives, the other lines
 * are the task. The model calls of a run are numbered from 0 and laid out as
 * {@code query, empty × N, [todo], tool step × M, work × steps, [delegates], [ask], complete}; {@link #kindAt}
 * answers which one a position is without building the list (steps may be up to 10000). A tool step is one
 * {@code /tool} line and the {@code /with} lines after it: one reply calling all of them.
 */
final class MockScript {
    static final int MAX_STEPS = 10_000;
    static final long MAX_SLEEP_MS = 600_000;

    enum Kind { QUERY, EMPTY, TODO, TOOL, WORK, DELEGATE, ASK, COMPLETE }

    /** One {@code /tool SKILL TOOL {json}} or {@code /with ...} line: a real tool call the runtime runs. */
    record ToolCall(String skill, String tool, com.fasterxml.jackson.databind.node.ObjectNode args) {
    }

    /** One {@code /delegate KEY TEXT} line. */
    record Delegation(String key, String text) {
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    /** At most this many /tool and /with lines in one query. */
    static final int MAX_TOOLS = 100;
    /** At most this many empty replies. */
    static final int MAX_EMPTY = 100;

    String task = "";
    int steps = -1;
    long sleepMs;
    String ask;
    final List<Delegation> delegations = new ArrayList<>();
    int empty;
    String text;
    boolean fail;
    boolean failOnce;
    List<String> todos;
    /** Every tool call, in order; {@link #toolSteps} groups them into replies. */
    final List<ToolCall> tools = new ArrayList<>();
    final List<List<ToolCall>> toolSteps = new ArrayList<>();

    /** Parses a query. @throws IllegalArgumentException naming the bad directive */
    static MockScript parse(String query) {
        MockScript s = new MockScript();
        List<String> taskLines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String line : (query == null ? "" : query).split("\\R", -1)) {
            String trimmed = line.strip();
            if (!trimmed.startsWith("/")) {
                taskLines.add(line);
                continue;
            }
            String[] parts = trimmed.split("\\s+", 2);
            String name = parts[0];
            String arg = parts.length > 1 ? parts[1].strip() : "";
            if (name.equals("/tool") || name.equals("/with")) {
                ToolCall call = tool(name, arg);
                if (name.equals("/tool")) {
                    s.toolSteps.add(new ArrayList<>());
                } else if (s.toolSteps.isEmpty()) {
                    throw new IllegalArgumentException("/with adds a call to the step of the /tool line before it,"
                            + " and there is none");
                }
                s.toolSteps.get(s.toolSteps.size() - 1).add(call);
                s.tools.add(call);
                if (s.tools.size() > MAX_TOOLS) {
                    throw new IllegalArgumentException("/tool and /with may be given at most " + MAX_TOOLS
                            + " times in all");
                }
                continue;
            }
            if (name.equals("/delegate")) {
                String[] kv = required(name, arg).split("\\s+", 2);
                if (kv.length < 2) {
                    throw new IllegalArgumentException("/delegate needs a delegate key and a text");
                }
                s.delegations.add(new Delegation(kv[0], kv[1].strip()));
                if (s.delegations.size() > MAX_TOOLS) {
                    throw new IllegalArgumentException("/delegate may be given at most " + MAX_TOOLS + " times");
                }
                continue;
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("directive " + name + " may be given once");
            }
            switch (name) {
                case "/steps" -> s.steps = (int) number(name, arg, MAX_STEPS);
                case "/sleep" -> s.sleepMs = number(name, arg, MAX_SLEEP_MS);
                case "/ask" -> s.ask = required(name, arg);
                case "/empty" -> s.empty = (int) number(name, arg, MAX_EMPTY);
                case "/text" -> s.text = required(name, arg);
                case "/fail" -> s.fail = noArgument(name, arg);
                case "/fail-once" -> s.failOnce = noArgument(name, arg);
                case "/todo" -> s.todos = Arrays.stream(required(name, arg).split(";"))
                        .map(String::strip).filter(t -> !t.isEmpty()).toList();
                default -> throw new IllegalArgumentException("unknown mock directive " + name
                        + " (known: /steps, /sleep, /ask, /delegate, /fail, /fail-once, /todo, /tool, /with, /empty, /text)");
            }
        }
        s.task = String.join("\n", taskLines).strip();
        if (s.steps < 0) {
            // one working step by default; with /tool lines the tools are the work
            s.steps = s.tools.isEmpty() ? 1 : 0;
        }
        return s;
    }

    private static ToolCall tool(String name, String arg) {
        String[] parts = arg.split("\\s+", 3);
        if (parts.length < 2 || parts[0].isEmpty()) {
            throw new IllegalArgumentException(name + " needs a skill name, a tool name and optional JSON arguments");
        }
        com.fasterxml.jackson.databind.node.ObjectNode args = JSON.createObjectNode();
        if (parts.length == 3 && !parts[2].isBlank()) {
            try {
                com.fasterxml.jackson.databind.JsonNode parsed = JSON.readTree(parts[2]);
                if (!(parsed instanceof com.fasterxml.jackson.databind.node.ObjectNode o)) {
                    throw new IllegalArgumentException(name + " arguments must be a JSON object");
                }
                args = o;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException(name + " arguments are not valid JSON: " + e.getOriginalMessage());
            }
        }
        return new ToolCall(parts[0], parts[1], args);
    }

    private static long number(String name, String arg, long max) {
        try {
            long n = Long.parseLong(arg);
            if (n >= 0 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " needs a whole number 0.." + max);
    }

    private static String required(String name, String arg) {
        if (arg.isEmpty()) {
            throw new IllegalArgumentException(name + " needs an argument");
        }
        return arg;
    }

    private static boolean noArgument(String name, String arg) {
        if (!arg.isEmpty()) {
            throw new IllegalArgumentException(name + " takes no argument");
        }
        return true;
    }

    /** The position of the first /tool step. */
    int firstToolPosition() {
        return 1 + empty + (todos != null ? 1 : 0);
    }

    /** The position of the first working step. */
    int firstWorkPosition() {
        return firstToolPosition() + toolSteps.size();
    }

    /** The kind of the model call at {@code position}; positions past the end are {@code COMPLETE}. */
    Kind kindAt(int position) {
        int p = position;
        if (p == 0) {
            return Kind.QUERY;
        }
        p--;
        if (p < empty) {
            return Kind.EMPTY;
        }
        p -= empty;
        if (todos != null) {
            if (p == 0) {
                return Kind.TODO;
            }
            p--;
        }
        if (p < toolSteps.size()) {
            return Kind.TOOL;
        }
        p -= toolSteps.size();
        if (p < steps) {
            return Kind.WORK;
        }
        p -= steps;
        if (!delegations.isEmpty()) {
            if (p == 0) {
                return Kind.DELEGATE;
            }
            p--;
        }
        if (ask != null && p == 0) {
            return Kind.ASK;
        }
        return Kind.COMPLETE;
    }
}
