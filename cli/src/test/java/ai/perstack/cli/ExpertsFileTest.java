package ai.perstack.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.perstack.client.experts.Expert;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpertsFileTest {
    static final String TOML = """
            [[experts]]
            key = "main"
            name = "main"
            version = "1.0.0"
            instruction = "Write."
            delegates = ["editor"]
            [experts.skills.ask]
            type = "interactiveSkill"
            description = "Ask the user"
            [experts.skills.ask.tools.askUser]
            description = "Ask a question"
            inputJsonSchema = '{"type":"object","properties":{"question":{"type":"string"}}}'

            [[experts]]
            key = "editor"
            name = "editor"
            version = "1.0.0"
            instruction = "Edit."
            """;

    /** The same experts as a real perstack.toml: the key is the table name and the name. */
    static final String PERSTACK_TOML = """
            # the writer and its editor
            [experts."main"]
            instruction = "Write."
            delegates = ["editor"]
            [experts."main".skills.ask]
            type = "interactiveSkill"
            description = "Ask the user"
            tools = { askUser = { description = "Ask a question", inputJsonSchema = '{"type":"object","properties":{"question":{"type":"string"}}}' } }

            [experts."editor"]
            instruction = "Edit."
            """;

    static final String JSON = """
            {"experts": [
              {"key": "main", "name": "main", "version": "1.0.0", "instruction": "Write.", "delegates": ["editor"],
               "skills": {"ask": {"type": "interactiveSkill", "description": "Ask the user",
                 "tools": {"askUser": {"description": "Ask a question",
                   "inputJsonSchema": "{\\"type\\":\\"object\\",\\"properties\\":{\\"question\\":{\\"type\\":\\"string\\"}}}"}}}}},
              {"key": "editor", "name": "editor", "version": "1.0.0", "instruction": "Edit."}
            ]}
            """;

    @Test
    void aRealPerstackTomlDescribesTheSameExperts() {
        List<Expert> file = ExpertsFile.parse(PERSTACK_TOML, "perstack.toml");
        List<Expert> json = ExpertsFile.parse(JSON, "experts.json");
        assertThat(file).extracting(Expert::key).containsExactly("main", "editor");
        assertThat(file.get(0).toJson()).isEqualTo(json.get(0).toJson());
        assertThat(file.get(1).toJson()).isEqualTo(json.get(1).toJson());
        assertThat(file.get(1).skills()).containsOnlyKeys("@perstack/base");
        assertThatThrownBy(() -> ExpertsFile.parse("[experts.\"main\"]\ninstruction = 3", "perstack.toml"))
                .isInstanceOf(UsageException.class).hasMessage("perstack.toml: [experts.\"main\"] instruction: must be a string");
    }

    @Test
    void tomlAndJsonDescribeTheSameExperts() {
        List<Expert> toml = ExpertsFile.parse(TOML, "experts.toml");
        List<Expert> json = ExpertsFile.parse(JSON, "experts.json");
        assertThat(toml).hasSize(2);
        assertThat(toml.get(0).toJson()).isEqualTo(json.get(0).toJson());
        assertThat(toml.get(1).toJson()).isEqualTo(json.get(1).toJson());
        Expert main = toml.get(0);
        assertThat(main.delegates()).containsExactly("editor");
        assertThat(main.skills().get("ask").isInteractive()).isTrue();
        assertThat(main.skills().get("ask").tools()).containsKey("askUser");
    }

    @Test
    void theFormatFollowsTheExtensionElseTheContent() {
        assertThat(ExpertsFile.parse(TOML, "-")).hasSize(2);
        assertThat(ExpertsFile.parse(JSON, "-")).hasSize(2);
        String array = "[ {\"key\": \"main\", \"name\": \"m\", \"instruction\": \"I\"} ]";
        assertThat(ExpertsFile.parse(array, "definition")).extracting(Expert::key).containsExactly("main");
    }

    @Test
    void aBadFileIsAUsageErrorNamingWhatIsWrong() {
        assertThatThrownBy(() -> ExpertsFile.parse("{\"experts\": [{\"key\": \"main\"}]}", "x.json"))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("x.json: experts[0]: ").hasMessageContaining("name");
        assertThatThrownBy(() -> ExpertsFile.parse("{\"agents\": []}", "x.json"))
                .isInstanceOf(UsageException.class).hasMessage("x.json: expected {\"experts\": [...]} or an array of experts");
        assertThatThrownBy(() -> ExpertsFile.parse("[[experts]]\nkey = ", "x.toml"))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("x.toml: not valid TOML");
        assertThatThrownBy(() -> ExpertsFile.parse("{\"experts\": []}", "x.json"))
                .isInstanceOf(UsageException.class).hasMessage("x.json: no experts");
    }
}
