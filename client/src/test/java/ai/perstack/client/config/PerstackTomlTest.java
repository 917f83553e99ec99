package ai.perstack.client.config;

import ai.perstack.client.experts.Expert;
import ai.perstack.client.experts.ProviderSkill;
import ai.perstack.client.experts.Skill;
import ai.perstack.client.experts.SkillTool;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PerstackTomlTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = PerstackTomlTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsARealFormatFile() throws IOException {
        PerstackConfig config = PerstackToml.parse(resource("perstack-team.toml"), "perstack.toml");
        assertThat(config.model()).contains("claude-sonnet-4-5");
        assertThat(config.reasoningBudget()).contains("4096");
        assertThat(config.maxSteps()).hasValue(40);
        assertThat(config.maxRetries()).hasValue(3);
        assertThat(config.timeout()).hasValue(120_000);
        assertThat(config.runtime()).contains("local");
        assertThat(config.envPath()).containsExactly(".env", ".env.production");
        assertThat(config.provider()).hasValueSatisfying(p -> {
            assertThat(p.providerName()).isEqualTo("anthropic");
            assertThat(p.setting().orElseThrow().get("headers").get("X-Team").asText()).isEqualTo("docs");
        });
        assertThat(config.experts().keySet()).containsExactly("triage", "summarizer");

        Expert triage = config.expert("triage");
        assertThat(triage.key()).isEqualTo("triage");
        assertThat(triage.name()).isEqualTo("triage");
        assertThat(triage.version()).contains("2.1.0");
        assertThat(triage.description()).contains("Sorts incoming bug reports — and labels them 🏷️");
        assertThat(triage.instruction()).startsWith("Read reports/").endsWith("\"löschen\" means delete.");
        assertThat(triage.delegates()).containsExactly("summarizer", "@acme/researcher");
        assertThat(triage.tags()).containsExactly("triage", "bugs");
        assertThat(triage.providerTools()).contains(java.util.List.of("webSearch"));
        assertThat(triage.providerSkills().orElseThrow()).containsExactly(ProviderSkill.builtin("pdf"),
                ProviderSkill.custom("house-style", "Use sentence case."));
        assertThat(triage.providerToolOptions().orElseThrow().at("/webSearch/maxUses").asInt()).isEqualTo(3);
        assertThat(triage.skills().keySet()).containsExactly("@perstack/base", "search", "ask", "uvx");

        Skill.McpStdio base = (Skill.McpStdio) triage.skills().get("@perstack/base");
        assertThat(base.packageName()).contains("@perstack/base");
        assertThat(base.omit()).containsExactly("exec");
        Skill.McpSse search = (Skill.McpSse) triage.skills().get("search");
        assertThat(search.description()).contains("Search the tracker");
        assertThat(search.pick()).containsExactly("search", "get");
        Skill.Interactive ask = (Skill.Interactive) triage.skills().get("ask");
        assertThat(ask.rule()).contains("Ask before deleting anything.");
        assertThat(ask.tools().get("confirm").inputJsonSchemaNode().at("/required/0").asText()).isEqualTo("question");
        Skill.McpStdio git = (Skill.McpStdio) triage.skills().get("uvx");
        assertThat(git.args()).containsExactly("mcp-server-git", "--repository", ".");
        assertThat(git.requiredEnv()).containsExactly("GIT_TOKEN");
        assertThat(git.lazyInit()).isTrue();

        Expert summarizer = config.expert("summarizer");
        assertThat(summarizer.version()).as("core's default version").contains("1.0.0");
        assertThat(summarizer.instruction()).contains("日本語");
        SkillTool askReader = summarizer.skills().get("feedback").tools().get("askReader");
        assertThat(askReader.inputJsonSchemaNode().at("/properties/topic/description").asText()).isEqualTo("Qué destacar");
        assertThat(askReader.inputJsonSchema()).startsWith("{\n").endsWith("}\n");

        Expert plain = PerstackToml.parse("[experts.plain]\ninstruction = \"x\"", "p.toml").expert("plain");
        assertThat(plain.skills()).as("skills absent: core's base skill").containsOnlyKeys(Skill.BASE);
        assertThat(plain.skills().get(Skill.BASE)).isEqualTo(Skill.base());
    }

    @Test
    void quotedScopedKeysAndDottedTablesWork() {
        PerstackConfig config = PerstackToml.parse("""
                [experts."@my-org/helper"]
                instruction = "Help."
                [experts."@my-org/helper".skills."@perstack/base"]
                type = "mcpStdioSkill"
                command = "npx"
                args = ["-y", "@perstack/base"]
                [experts."@my-org/helper".skills.ask.tools.confirm]
                inputJsonSchema = '{"type":"object"}'
                [experts."@my-org/helper".skills.ask]
                type = "interactiveSkill"
                """, "p.toml");
        Expert helper = config.expert("@my-org/helper");
        assertThat(helper.name()).isEqualTo("@my-org/helper");
        assertThat(helper.skills().keySet()).containsExactly("@perstack/base", "ask");
        assertThat(helper.skills().get("ask").tools()).containsOnlyKeys("confirm");
        assertThat(helper.skills().get("ask").tools().get("confirm").description()).isEmpty();
    }

    @Test
    void errorsNameTheFileTheTableAndTheField() {
        assertError("[experts.a]\ninstruction = 1", "perstack.toml: [experts.\"a\"] instruction: must be a string");
        assertError("[experts.a]\ndescription = \"x\"", "perstack.toml: [experts.\"a\"] instruction: is required");
        assertError("[experts.a]\ninstruction = \"x\"\ninstructions = \"y\"", "perstack.toml: [experts.\"a\"] instructions: unknown key");
        assertError("[experts.\"A.b\"]\ninstruction = \"x\"", "perstack.toml: [experts.\"A.b\"]: an expert's key is also its name");
        assertError("[experts.a]\ninstruction = \"x\"\n[experts.a.skills.s]\ntype = \"mcpStdio\"",
                "perstack.toml: [experts.\"a\".skills.\"s\"] type: must be one of mcpStdioSkill, mcpSseSkill, interactiveSkill");
        assertError("[experts.a]\ninstruction = \"x\"\n[experts.a.skills.s]\ntype = \"mcpStdioSkill\"\ncommand = \"npx\"",
                "[experts.\"a\".skills.\"s\"] packageName: one of packageName or a non-empty args is required");
        assertError("[experts.a]\ninstruction = \"x\"\n[experts.a.skills.s]\ntype = \"interactiveSkill\"\n[experts.a.skills.s.tools.t]\n"
                + "inputJsonSchema = { type = \"object\" }", "[experts.\"a\".skills.\"s\".tools.\"t\"] inputJsonSchema: must be a string");
        assertError("[experts.a]\ninstruction = \"x\"\n[experts.a.skills.s]\ntype = \"interactiveSkill\"\n[experts.a.skills.s.tools.t]\n"
                + "inputJsonSchema = '{not json'", "inputJsonSchema: must be a JSON Schema object written as a string");
        assertError("reasoningBudget = \"max\"", "perstack.toml: reasoningBudget: must be one of none, minimal, low, medium, high");
        assertError("maxSteps = 0", "perstack.toml: maxSteps: must be an integer >= 1");
        assertError("[provider]\nproviderName = \"anthropic\"\n[provider.setting]\napiKey = \"sk-123\"",
                "perstack.toml: [provider.setting] apiKey: secrets do not belong in perstack.toml");
        assertError("[provider]\nproviderName = \"acme\"", "perstack.toml: [provider] providerName: must be one of");
        assertError("modle = \"x\"", "perstack.toml: modle: unknown key");
        assertError("model = ", "perstack.toml: not valid TOML");
    }

    @Test
    void theSecretValueNeverAppearsInTheError() {
        assertThatThrownBy(() -> PerstackToml.parse("[provider]\nproviderName = \"openai\"\n[provider.setting]\napiKey = \"sk-live-SECRET\"", "f"))
                .hasMessageNotContaining("sk-live-SECRET");
    }

    @Test
    void findWalksUpFromTheWorkingDirectory(@TempDir Path dir) throws IOException {
        Path nested = Files.createDirectories(dir.resolve("a/b/c"));
        assertThat(PerstackToml.find(nested)).isEmpty();
        Files.writeString(dir.resolve("a/perstack.toml"), "model = \"m\"");
        assertThat(PerstackToml.find(nested)).contains(dir.resolve("a/perstack.toml").toAbsolutePath());
        assertThat(PerstackToml.read(PerstackToml.find(nested).orElseThrow()).model()).contains("m");
        assertThatThrownBy(() -> PerstackToml.read(dir.resolve("missing.toml"))).hasMessageEndingWith("missing.toml: no such file");
    }

    private static void assertError(String toml, String message) {
        assertThatThrownBy(() -> PerstackToml.parse(toml, "perstack.toml"))
                .isInstanceOf(PerstackTomlException.class).hasMessageContaining(message);
    }
}
