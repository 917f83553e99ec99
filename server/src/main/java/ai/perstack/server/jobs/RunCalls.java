package ai.perstack.server.jobs;

import ai.perstack.server.domain.Ids;
import ai.perstack.server.providers.Action;
import ai.perstack.server.skills.ResultPart;
import ai.perstack.server.skills.ToolResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Tool calls and results as a run's state keeps them between steps ({@code pendingCalls},
 * {@code partialResults}, {@code readyResults}) and as checkpoints show them (core's
 * {@code ToolCall} and {@code ToolResult}).
 */
final class RunCalls {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RunCalls() {
    }

    static ObjectNode toJson(Action.Call c) {
        ObjectNode n = NODES.objectNode().put("id", c.id()).put("kind", c.kind().name()).put("skillName", c.skillName())
                .put("toolName", c.toolName());
        n.set("args", c.args());
        if (c.presetResult() != null) {
            n.put("presetResult", c.presetResult());
        }
        return n;
    }

    static Action.Call call(JsonNode n) {
        return new Action.Call(n.path("id").asText(), Action.Kind.valueOf(n.path("kind").asText("SKILL")),
                n.path("skillName").asText(), n.path("toolName").asText(),
                n.get("args") instanceof ObjectNode o ? o : NODES.objectNode(),
                n.hasNonNull("presetResult") ? n.get("presetResult").asText() : null);
    }

    static List<Action.Call> calls(JsonNode array) {
        List<Action.Call> out = new ArrayList<>();
        array.forEach(n -> out.add(call(n)));
        return out;
    }

    /** Core's ToolCall of a checkpoint's {@code pendingToolCalls}. */
    static ObjectNode coreCall(Action.Call c) {
        ObjectNode n = NODES.objectNode().put("id", c.id()).put("skillName", c.skillName()).put("toolName", c.toolName());
        n.set("args", c.args());
        return n;
    }

    /** The result of {@code call} as the run keeps it: the call's identity and core's message parts. */
    static ObjectNode result(Action.Call call, ToolResult result) {
        ArrayNode parts = NODES.arrayNode();
        result.parts().forEach(p -> parts.add(p.toJson(Ids.newId())));
        return result(call, parts);
    }

    static ObjectNode textResult(Action.Call call, String text) {
        return result(call, new ToolResult(call.skillName(), call.toolName(), List.of(new ResultPart.Text(text))));
    }

    private static ObjectNode result(Action.Call call, ArrayNode parts) {
        ObjectNode n = NODES.objectNode().put("id", call.id()).put("kind", call.kind().name())
                .put("skillName", call.skillName()).put("toolName", call.toolName());
        n.set("parts", parts);
        return n;
    }

    static Action.Result result(JsonNode n) {
        return new Action.Result(n.path("id").asText(), Action.Kind.valueOf(n.path("kind").asText("SKILL")),
                n.path("skillName").asText(), n.path("toolName").asText(),
                n.get("parts") instanceof ArrayNode a ? a : NODES.arrayNode());
    }

    static List<Action.Result> results(JsonNode array) {
        List<Action.Result> out = new ArrayList<>();
        array.forEach(n -> out.add(result(n)));
        return out;
    }

    /** Core's ToolResult of a checkpoint's {@code partialToolResults}. */
    static ObjectNode coreResult(JsonNode kept) {
        ObjectNode n = NODES.objectNode().put("id", kept.path("id").asText())
                .put("skillName", kept.path("skillName").asText()).put("toolName", kept.path("toolName").asText());
        n.set("result", kept.path("parts").deepCopy());
        return n;
    }
}
