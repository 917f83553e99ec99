package ai.perstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EnvCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET_VALUE = "sk-very-secret-value-1234";
    private static Platform platform;
    private static Cli cli;

    @BeforeAll
    static void start() {
        platform = Platform.start();
        cli = platform.cli();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void secretsAreCreatedFromStandardInputAndTheirValuesNeverPrinted() throws Exception {
        Cli.Result created = cli.runWithInput(SECRET_VALUE + "\n", "env", "secrets", "create", "API_TOKEN", "--value-stdin");
        assertThat(created.code()).as(created.toString()).isZero();
        assertThat(created.out()).contains("Name     API_TOKEN", "Value    (write-only)");

        Cli.Result[] all = {
            created,
            cli.run("env", "secrets", "list"),
            cli.run("env", "secrets", "list", "-o", "json"),
            cli.run("env", "secrets", "get", "API_TOKEN"),
            cli.run("env", "secrets", "get", "API_TOKEN", "-o", "json"),
            cli.run("env", "secrets", "update", "API_TOKEN", "--value", SECRET_VALUE + "-2"),
            cli.run("env", "secrets", "create", "API_TOKEN", "--value", SECRET_VALUE),
        };
        for (Cli.Result r : all) {
            assertThat(r.out() + r.err()).doesNotContain(SECRET_VALUE);
        }
        assertThat(all[1].out()).contains("API_TOKEN");
        assertThat(JSON.readTree(cli.run("env", "secrets", "list", "-o", "json").out()))
                .isEqualTo(platform.client.env().secrets().list().orElseThrow().json());
        assertThat(all[5].code()).isZero();
        assertThat(all[6].code()).isEqualTo(1);
        assertThat(all[6].err()).startsWith("error 409: ");

        Cli.Result deleted = cli.run("env", "secrets", "delete", "API_TOKEN");
        assertThat(deleted.out()).isEqualTo("Deleted secret API_TOKEN\n");
        assertThat(cli.run("env", "secrets", "get", "API_TOKEN").err()).isEqualTo("error 404: secret API_TOKEN not found\n");
    }

    @Test
    void aSecretWithoutAValueSourceOffATerminalIsAUsageError() {
        Cli.Result r = cli.run("env", "secrets", "create", "NO_VALUE");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("error: no value for NO_VALUE: give --value-stdin (or --value)\n");

        Cli.Result both = cli.run("env", "secrets", "create", "X", "--value", "a", "--value-stdin");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
    }

    @Test
    void variablesRoundTrip() throws Exception {
        Cli.Result created = cli.run("env", "variables", "create", "REGION", "eu-west");
        assertThat(created.code()).as(created.toString()).isZero();
        assertThat(created.out()).contains("Value    eu-west");

        Cli.Result fromStdin = cli.runWithInput("line one\nline two\n", "env", "variables", "update", "REGION", "--value-stdin");
        assertThat(fromStdin.code()).isZero();
        assertThat(platform.client.env().variables().get("REGION").orElseThrow().data().variable().value())
                .isEqualTo("line one\nline two");

        Cli.Result list = cli.run("env", "variables", "list");
        assertThat(list.out()).contains("REGION", "line one line two");
        JsonNode got = JSON.readTree(cli.run("env", "variables", "get", "REGION", "-o", "json").out());
        assertThat(got).isEqualTo(platform.client.env().variables().get("REGION").orElseThrow().json());
        assertThat(cli.run("env", "variables", "list", "-o", "id").out()).isEqualTo("REGION\n");

        Cli.Result invalidName = cli.run("env", "variables", "create", "1BAD", "x");
        assertThat(invalidName.code()).isEqualTo(2);
        assertThat(invalidName.err()).startsWith("error: invalid input: name");

        assertThat(cli.run("env", "variables", "delete", "REGION").out()).isEqualTo("Deleted variable REGION\n");
        assertThat(cli.run("env", "variables", "list").out()).isEqualTo("No variables.\n");
    }
}
