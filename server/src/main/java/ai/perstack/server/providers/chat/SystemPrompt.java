package ai.perstack.server.providers.chat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The system prompt as core assembles it, once per run: who the model is, how the loop works,
 * when the run started; then the expert's instruction; then each skill's rule; then the
 * delegates it may call as tools. Each section after the first starts with {@code ---} and a
 * short lead-in line.
 */
final class SystemPrompt {
    private SystemPrompt() {
    }

    static String of(JsonNode expert, Map<String, JsonNode> delegates, Instant startedAt) {
        StringBuilder b = new StringBuilder();
        b.append("You are Perstack, an AI expert that completes the user's task with the tools it is given.\n\n");
        b.append("(How to work)\n");
        b.append("- Infer the task from the user's message.\n");
        b.append("- Keep calling tools until the task is done; a reply without a tool call ends your work.\n");
        b.append("- Call one tool at a time unless the calls are independent.\n");
        b.append("- When the task is done, out of scope or unintelligible, call attemptCompletion alone, without text;"
                + " a final answer is asked for after it.\n");
        b.append("- Started at: ").append(startedAt).append('\n');
        b.append("\n---\n(The expert's instruction)\n").append(expert.path("instruction").asText(""));
        List<String> rules = new ArrayList<>();
        List<Map.Entry<String, JsonNode>> skills = new ArrayList<>();
        expert.path("skills").fields().forEachRemaining(skills::add);
        // core starts the base skill first, so its rule comes first
        skills.sort((x, y) -> Boolean.compare(!x.getKey().equals("@perstack/base"), !y.getKey().equals("@perstack/base")));
        for (Map.Entry<String, JsonNode> skill : skills) {
            String rule = skill.getValue().path("rule").asText("");
            if (!rule.isBlank()) {
                rules.add("\"" + skill.getKey() + "\" skill rules:\n" + rule);
            }
        }
        if (!rules.isEmpty()) {
            b.append("\n\n---\n(Rules of the skills)\n").append(String.join("\n\n", rules));
        }
        List<String> about = new ArrayList<>();
        for (Iterator<JsonNode> it = expert.path("delegates").elements(); it.hasNext(); ) {
            JsonNode delegate = delegates.get(it.next().asText());
            if (delegate != null) {
                about.add("About \"" + delegate.path("name").asText() + "\":\n" + delegate.path("description").asText(""));
            }
        }
        if (!about.isEmpty()) {
            b.append("\n\n---\n(Delegates)\nDelegates are experts you call as tools, by their name.\n\n")
                    .append(String.join("\n\n", about));
        }
        return b.toString();
    }
}
