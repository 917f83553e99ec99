package ai.perstack.server.providers;

import ai.perstack.server.providers.chat.ChatProvider;
import ai.perstack.server.providers.chat.ChatTool;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProviderUnitsTest {

    @Test
    void toolNamesAreSanitizedCutTo64AndUnique() {
        JsonNode expert = ProviderScenarios.parse("""
                {"key":"main","skills":{
                  "my skill!":{"type":"interactiveSkill","tools":{"ask.user":{"description":"d"},"ask user":{}}},
                  "mcp":{"type":"mcpStdioSkill","command":"x"},
                  "%s":{"type":"interactiveSkill","tools":{"t":{}}}},
                 "delegates":["helper","@acme/writer@1.2.0","missing"]}
                """.formatted("s".repeat(70)));
        Map<String, ChatTool> tools = ChatTool.forExpert(expert, Map.of("helper", ProviderScenarios.parse("{\"name\":\"Helper\"}"),
                "@acme/writer@1.2.0", ProviderScenarios.parse("{\"name\":\"Writer\"}")));
        assertThat(tools.keySet()).containsExactly("my_skill___ask_user", "my_skill___ask_user_2", "s".repeat(64),
                "delegate__helper", "delegate___acme_writer_1_2_0");
        assertThat(tools.keySet()).allMatch(n -> n.matches("^[a-zA-Z0-9_-]{1,64}$"));
        ChatTool first = tools.get("my_skill___ask_user");
        assertThat(first.skillName()).isEqualTo("my skill!");
        assertThat(first.toolName()).isEqualTo("ask.user");
        assertThat(first.parameters().get("type").asText()).isEqualTo("object");
        assertThat(tools.get("delegate___acme_writer_1_2_0").delegateTo()).isEqualTo("@acme/writer@1.2.0");
    }

    @Test
    void scrubMasksSecretsAndLongPiecesOfThem() {
        String key = "sk-proj-ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        JobEnvironment env = JobEnvironment.of(Map.of("OPENAI_BASE_URL", "http://x"), Map.of("OPENAI_API_KEY", key));
        assertThat(env.scrub("bad key " + key + " given")).isEqualTo("bad key **** given");
        assertThat(env.scrub("Incorrect API key provided: sk-proj-ABCDEFGH********6789."))
                .doesNotContain("ABCDEFGH").contains("****");
        assertThat(env.scrub("nothing secret here")).isEqualTo("nothing secret here");
        assertThat(env.toString()).doesNotContain(key).contains("OPENAI_API_KEY=secret");
    }

    @Test
    void retryDelaysDoubleHonourRetryAfterAndAreCapped() {
        ProviderSettings s = ProviderSettings.defaults().withRetryDelays(Duration.ofMillis(100), Duration.ofSeconds(1));
        assertThat(List.of(s.retryDelay(1, null), s.retryDelay(2, null), s.retryDelay(3, null), s.retryDelay(9, null)))
                .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofSeconds(1));
        assertThat(s.retryDelay(1, Duration.ofMillis(700))).isEqualTo(Duration.ofMillis(700));
        assertThat(s.retryDelay(1, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void loopbackBaseUrls() {
        assertThat(List.of("http://127.0.0.1:11434/v1", "http://localhost:1234/v1", "http://[::1]:8000/v1", "http://127.1.2.3"))
                .allMatch(ChatProvider::isLoopback);
        assertThat(List.of("https://api.openai.com/v1", "http://192.168.1.5:11434/v1", "http://localhost.evil.com", ""))
                .noneMatch(ChatProvider::isLoopback);
    }

    @Test
    void baseUrlsArePlainHttpUrlsTheRequestPathIsAppendedTo() {
        assertThat(ProviderSettings.baseUrl("OPENAI_BASE_URL", "http://127.0.0.1:11434/v1/").toString())
                .isEqualTo("http://127.0.0.1:11434/v1");
        for (String bad : List.of("ftp://host/v1", "http:///v1", "https://user:pw@host/v1", "https://host/v1?x=1",
                "https://host/v1#", "https://host/anything#", "not a url")) {
            assertThatThrownBy(() -> ProviderSettings.defaults().withOpenAiBaseUrl(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OPENAI_BASE_URL");
        }
        assertThat(ProviderSettings.defaults().openAiBaseUrl().toString()).isEqualTo("https://api.openai.com/v1");
        assertThat(ProviderSettings.defaults().anthropicBaseUrl().toString()).isEqualTo("https://api.anthropic.com");
    }
}
