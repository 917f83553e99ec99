package ai.perstack.client.jobs;

import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every core activity, with any mix of its optional fields, reads into its typed variant without
 * losing or changing anything: the typed record written back out field by field equals the object
 * received, and {@link Activity#json()} is that object. Unknown types keep everything too.
 */
class ActivityUnionPropertiesTest {
    private static final JsonNodeFactory N = JsonNodeFactory.instance;

    /** Core's 24 types and their fields: name → kind; a trailing {@code ?} marks an optional field. */
    private static final Map<String, List<String>> TYPES = Map.ofEntries(
            Map.entry("query", List.of("text:s")),
            Map.entry("retry", List.of("error:s", "message:s")),
            Map.entry("complete", List.of("text:s")),
            Map.entry("error", List.of("error:s?", "errorName:s?", "isRetryable:b?")),
            Map.entry("attemptCompletion", List.of("remainingTodos:todos?", "error:s?")),
            Map.entry("todo", List.of("newTodos:strings?", "completedTodos:ints?", "todos:todos", "error:s?")),
            Map.entry("clearTodo", List.of("error:s?")),
            Map.entry("readImageFile", List.of("path:s", "mimeType:s?", "size:n?", "error:s?")),
            Map.entry("readPdfFile", List.of("path:s", "mimeType:s?", "size:n?", "error:s?")),
            Map.entry("readTextFile", List.of("path:s", "content:s?", "from:n?", "to:n?", "error:s?")),
            Map.entry("editTextFile", List.of("path:s", "newText:s", "oldText:s", "error:s?")),
            Map.entry("appendTextFile", List.of("path:s", "text:s", "error:s?")),
            Map.entry("writeTextFile", List.of("path:s", "text:s", "error:s?")),
            Map.entry("deleteFile", List.of("path:s", "error:s?")),
            Map.entry("createDirectory", List.of("path:s", "error:s?")),
            Map.entry("deleteDirectory", List.of("path:s", "recursive:b?", "error:s?")),
            Map.entry("moveFile", List.of("source:s", "destination:s", "error:s?")),
            Map.entry("getFileInfo", List.of("path:s", "info:info?", "error:s?")),
            Map.entry("listDirectory", List.of("path:s", "items:items?", "error:s?")),
            Map.entry("exec", List.of("command:s", "args:strings", "cwd:s", "output:s?", "error:s?", "stdout:s?", "stderr:s?")),
            Map.entry("delegate", List.of("delegateExpertKey:s", "query:s")),
            Map.entry("delegationComplete", List.of("count:n")),
            Map.entry("interactiveTool", List.of("skillName:s", "toolName:s", "args:object")),
            Map.entry("generalTool", List.of("skillName:s", "toolName:s", "args:object", "result:parts?", "error:s?")));

    @Property(tries = 600)
    void everyCoreActivityReadsIntoItsVariantAndBackUnchanged(@ForAll("activities") ObjectNode wire) {
        Activity activity = ActivityReader.read(JsonIn.root(wire));
        assertThat(activity).isNotInstanceOf(Activity.Unknown.class);
        assertThat(activity.type()).isEqualTo(wire.get("type").asText());
        assertThat(activity.json()).isEqualTo(wire);
        assertThat(written(activity)).isEqualTo(wire);
    }

    @Property(tries = 200)
    void anUnknownTypeKeepsEveryField(@ForAll("activities") ObjectNode wire, @ForAll("unknownTypes") String type) {
        wire.put("type", type);
        Activity activity = ActivityReader.read(JsonIn.root(wire));
        assertThat(activity).isInstanceOf(Activity.Unknown.class);
        assertThat(activity.type()).isEqualTo(type);
        assertThat(activity.json()).isEqualTo(wire);
        assertThat(activity.common().previousActivityId()).isEqualTo(Optional.ofNullable(wire.get("previousActivityId")).map(JsonNode::asText));
    }

    @Property(tries = 200)
    void aCheckpointReadsOneActivityOrAList(@ForAll("activities") ObjectNode first, @ForAll("activities") ObjectNode second,
                                            @ForAll boolean asList) {
        ObjectNode cp = N.objectNode().put("id", "cp1").put("jobId", "j1").put("runId", "r1").put("sequence", 1)
                .put("stepNumber", 1).put("status", "stoppedByDelegate").put("startedAt", "2026-01-01T00:00:00Z");
        cp.putObject("expert").put("key", "main").put("name", "Main").put("version", "1.0.0");
        cp.putObject("usage").put("inputTokens", 1).put("outputTokens", 1).put("reasoningTokens", 0)
                .put("cachedInputTokens", 0).put("totalTokens", 2);
        cp.set("activity", first);
        if (asList) {
            cp.putArray("activities").add(first).add(second);
        }
        Checkpoint read = Checkpoint.read(JsonIn.root(cp));
        assertThat(read.activity().json()).isEqualTo(first);
        assertThat(read.activities()).extracting(Activity::json).containsExactlyElementsOf(asList ? List.of(first, second) : List.of(first));
    }

    @Provide
    Arbitrary<String> unknownTypes() {
        return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).filter(t -> !TYPES.containsKey(t));
    }

    @Provide
    Arbitrary<ObjectNode> activities() {
        return Arbitraries.longs().map(seed -> activity(new Random(seed)));
    }

    private static ObjectNode activity(Random r) {
        List<String> types = TYPES.keySet().stream().sorted().toList();
        String type = types.get(r.nextInt(types.size()));
        ObjectNode a = N.objectNode().put("type", type).put("id", text(r)).put("expertKey", text(r)).put("runId", text(r));
        if (r.nextBoolean()) {
            a.put("previousActivityId", text(r));
        }
        if (r.nextBoolean()) {
            a.putObject("delegatedBy").put("expertKey", text(r)).put("runId", text(r));
        }
        if (r.nextBoolean()) {
            a.put("reasoning", text(r));
        }
        for (String field : TYPES.get(type)) {
            String[] nk = field.split(":");
            boolean optional = nk[1].endsWith("?");
            if (!optional || r.nextBoolean()) {
                a.set(nk[0], value(nk[1].replace("?", ""), r));
            }
        }
        return a;
    }

    private static JsonNode value(String kind, Random r) {
        return switch (kind) {
            case "s" -> N.textNode(text(r));
            case "b" -> N.booleanNode(r.nextBoolean());
            case "n" -> N.numberNode((long) r.nextInt(1_000_000));
            case "strings" -> array(r, () -> N.textNode(text(r)));
            case "ints" -> array(r, () -> N.numberNode((long) r.nextInt(100)));
            case "todos" -> array(r, () -> N.objectNode().put("id", (long) r.nextInt(100)).put("title", text(r))
                    .put("completed", r.nextBoolean()));
            case "object" -> N.objectNode().put(text(r), text(r)).put("n", r.nextInt());
            case "parts" -> array(r, () -> N.objectNode().put("type", "textPart").put("id", text(r)).put("text", text(r)));
            case "info" -> {
                ObjectNode i = N.objectNode().put("exists", r.nextBoolean()).put("name", text(r)).put("directory", text(r));
                if (r.nextBoolean()) {
                    i.put("extension", text(r));
                } else {
                    i.putNull("extension");
                }
                i.put("type", r.nextBoolean() ? "file" : "directory").put("mimeType", text(r)).put("size", (long) r.nextInt(1 << 20))
                        .put("sizeFormatted", text(r)).put("created", text(r)).put("modified", text(r)).put("accessed", text(r));
                yield i;
            }
            case "items" -> array(r, () -> N.objectNode().put("name", text(r)).put("path", text(r))
                    .put("type", r.nextBoolean() ? "file" : "directory").put("size", (long) r.nextInt(1000)).put("modified", text(r)));
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static ArrayNode array(Random r, java.util.function.Supplier<JsonNode> item) {
        ArrayNode a = N.arrayNode();
        for (int i = r.nextInt(4); i > 0; i--) {
            a.add(item.get());
        }
        return a;
    }

    private static String text(Random r) {
        String alphabet = "abcXYZ019 _-/@.éß✓\n\"\\";
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(12); i >= 0; i--) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    /** The typed activity written back: the common fields, then each record component by its name. */
    private static ObjectNode written(Activity a) {
        ObjectNode out = N.objectNode().put("type", a.type()).put("id", a.id()).put("expertKey", a.expertKey())
                .put("runId", a.runId());
        a.common().previousActivityId().ifPresent(p -> out.put("previousActivityId", p));
        a.common().delegatedBy().ifPresent(d -> out.putObject("delegatedBy").put("expertKey", d.expertKey()).put("runId", d.runId()));
        a.reasoning().ifPresent(t -> out.put("reasoning", t));
        for (RecordComponent c : a.getClass().getRecordComponents()) {
            if (Set.of("common", "json").contains(c.getName())) {
                continue;
            }
            try {
                JsonNode v = json(c.getAccessor().invoke(a));
                if (v != null) {
                    out.set(c.getName(), v);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    private static JsonNode json(Object v) {
        if (v instanceof Optional<?> o) {
            return o.map(ActivityUnionPropertiesTest::json).orElse(null);
        } else if (v instanceof OptionalLong o) {
            return o.isPresent() ? N.numberNode(o.getAsLong()) : null;
        } else if (v instanceof OptionalDouble o) {
            return o.isPresent() ? N.numberNode(o.getAsDouble()) : null;
        } else if (v instanceof JsonNode n) {
            return n;
        } else if (v instanceof String s) {
            return N.textNode(s);
        } else if (v instanceof Boolean b) {
            return N.booleanNode(b);
        } else if (v instanceof Long l) {
            return N.numberNode(l);
        } else if (v instanceof Collection<?> list) {
            ArrayNode a = N.arrayNode();
            list.forEach(i -> a.add(json(i)));
            return a;
        } else if (v instanceof Activity.TodoItem t) {
            return N.objectNode().put("id", t.id()).put("title", t.title()).put("completed", t.completed());
        } else if (v instanceof FileInfo f) {
            return f.json();
        } else if (v instanceof DirectoryItem d) {
            return d.json();
        }
        throw new IllegalArgumentException("no JSON for " + v);
    }
}
