package ai.perstack.server.http;

import ai.perstack.server.domain.ApiException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/**
 * What a request body may hold beyond being JSON: no string or field name with NUL (PostgreSQL
 * refuses it in text) or a lone surrogate (a {@code \ud800} escape without its pair, which no
 * UTF-8 store can keep), and no nesting deeper than {@link #MAX_DEPTH}, so that every response
 * that carries a stored document, with its own levels around it, can still be rendered.
 */
final class JsonText {
    /** The deepest nesting a body may have; responses add fewer than ten levels, and JSON output allows 1,000. */
    static final int MAX_DEPTH = 100;
    static final String DEPTH_RULE = "must not nest deeper than " + MAX_DEPTH + " levels";

    private JsonText() {
    }

    private record Item(JsonNode node, String path, int depth) {
    }

    /** Throws a 400 naming the first string (by its JSON path) that breaks a rule. */
    static void check(JsonNode root) {
        Deque<Item> todo = new ArrayDeque<>();
        todo.push(new Item(root, "", 1));
        while (!todo.isEmpty()) {
            Item item = todo.pop();
            JsonNode node = item.node();
            if (node.isContainerNode() && item.depth() > MAX_DEPTH) {
                throw ApiException.invalid("body", DEPTH_RULE);
            }
            if (node.isTextual()) {
                String rule = rule(node.textValue());
                if (rule != null) {
                    throw ApiException.invalid(item.path().isEmpty() ? "body" : item.path(), rule);
                }
            } else if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    String rule = rule(field.getKey());
                    if (rule != null) {
                        throw ApiException.invalid(item.path().isEmpty() ? "body" : item.path(), "field names " + rule);
                    }
                    String path = item.path().isEmpty() ? field.getKey() : item.path() + "." + field.getKey();
                    todo.push(new Item(field.getValue(), path, item.depth() + 1));
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    todo.push(new Item(node.get(i), item.path() + "[" + i + "]", item.depth() + 1));
                }
            }
        }
    }

    /** The rule {@code s} breaks, or null. */
    static String rule(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return "must not contain NUL (\\u0000)";
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain a lone surrogate (a \\ud800..\\udfff escape without its pair)";
            }
        }
        return null;
    }
}
