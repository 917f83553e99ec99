package ai.perstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.perstack.client.applications.Application;
import ai.perstack.client.applications.CreateApplicationInput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AppsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
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
    void createPrintsTheApplicationAndIdPrintsOnlyItsId() {
        Cli.Result created = cli.run("apps", "create", "tour-app");
        assertThat(created.code()).as(created.toString()).isZero();
        assertThat(created.out()).contains("Name", "tour-app", "Status", "active");
        assertThat(created.err()).isEmpty();

        Cli.Result id = cli.run("apps", "create", "tour-app-2", "-o", "id");
        assertThat(id.code()).isZero();
        String appId = id.out().strip();
        assertThat(appId).matches("[a-z0-9]{24}");
        assertThat(platform.client.applications().get(appId).orElseThrow().data().application().name()).isEqualTo("tour-app-2");
    }

    @Test
    void jsonPrintsTheExactApiResponse() throws Exception {
        Application app = platform.client.applications().create(CreateApplicationInput.builder().name("json-app").build())
                .orElseThrow().data().application();
        Cli.Result got = cli.run("apps", "get", app.id(), "-o", "json");
        assertThat(got.code()).isZero();
        JsonNode printed = JSON.readTree(got.out());
        assertThat(printed).isEqualTo(platform.client.applications().get(app.id()).orElseThrow().json());
        assertThat(printed.at("/data/application/name").asText()).isEqualTo("json-app");

        Cli.Result list = cli.run("apps", "list", "--name", "json-app", "-o", "json");
        JsonNode listed = JSON.readTree(list.out());
        assertThat(listed.at("/data/applications/0/id").asText()).isEqualTo(app.id());
        assertThat(listed.at("/meta/total").asInt()).isEqualTo(1);
    }

    @Test
    void listShowsATable() {
        platform.client.applications().create(CreateApplicationInput.builder().name("table-app").build()).orElseThrow();
        Cli.Result list = cli.run("apps", "list", "--name", "table-app");
        assertThat(list.code()).isZero();
        assertThat(list.out().lines().findFirst().orElseThrow()).matches("ID\\s+NAME\\s+STATUS\\s+AGE");
        assertThat(list.out()).contains("table-app", "active");

        Cli.Result none = cli.run("apps", "list", "--name", "no-such-app");
        assertThat(none.out()).isEqualTo("No applications.\n");
    }

    @Test
    void updateAndDelete() {
        String id = cli.run("apps", "create", "to-change", "-o", "id").out().strip();
        Cli.Result updated = cli.run("apps", "update", id, "--name", "changed", "--status", "inactive");
        assertThat(updated.code()).isZero();
        assertThat(updated.out()).contains("changed", "inactive");

        Cli.Result deleted = cli.run("apps", "delete", id);
        assertThat(deleted.code()).isZero();
        assertThat(deleted.out()).isEqualTo("Deleted application changed (" + id + ")\n");
        assertThat(platform.client.applications().get(id).ok()).isFalse();
    }

    @Test
    void anApiErrorIsOneLineOnStandardErrorAndExitCodeOne() {
        Cli.Result missing = cli.run("apps", "get", "x");
        assertThat(missing.code()).isEqualTo(ExitCodes.API_ERROR);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err()).isEqualTo("error 404: application x not found\n");

        cli.run("apps", "create", "taken");
        Cli.Result conflict = cli.run("apps", "create", "taken");
        assertThat(conflict.code()).isEqualTo(1);
        assertThat(conflict.err()).startsWith("error 409: ").hasLineCount(1);
    }

    @Test
    void withJsonAnApiErrorAlsoPrintsTheServersErrorBody() throws Exception {
        Cli.Result missing = cli.run("apps", "get", "x", "-o", "json");
        assertThat(missing.code()).isEqualTo(1);
        JsonNode body = JSON.readTree(missing.out());
        assertThat(body.get("code").asInt()).isEqualTo(404);
        assertThat(body.get("error").asText()).isEqualTo("Not Found");
        assertThat(body.get("reason").asText()).isEqualTo("application x not found");
    }

    @Test
    void usageErrorsExitTwo() {
        Cli.Result unknownOption = cli.run("apps", "list", "--bogus");
        assertThat(unknownOption.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownOption.err()).startsWith("error: Unknown option: '--bogus'")
                .contains("Try 'perstack apps list --help'");

        Cli.Result noSubcommand = cli.run("apps");
        assertThat(noSubcommand.code()).isEqualTo(2);
        assertThat(noSubcommand.err()).contains("Missing required subcommand", "list", "create");

        Cli.Result invalidInput = cli.run("apps", "list", "--take", "0");
        assertThat(invalidInput.code()).isEqualTo(2);
        assertThat(invalidInput.err()).isEqualTo("error: invalid input: take must be 1..100\n");

        Cli.Result nothingToUpdate = cli.run("apps", "update", "some-id");
        assertThat(nothingToUpdate.code()).isEqualTo(2);
        assertThat(nothingToUpdate.err()).contains("nothing to update");

        Cli.Result badFormat = cli.run("apps", "list", "-o", "yaml");
        assertThat(badFormat.code()).isEqualTo(2);
        assertThat(badFormat.err()).contains("table, json, id");
    }

    @Test
    void connectionComesFromTheEnvironmentOrTheOptions() {
        Cli.Result noKey = new Cli(Map.of()).run("apps", "list");
        assertThat(noKey.code()).isEqualTo(2);
        assertThat(noKey.err()).startsWith("error: no API key: set PERSTACK_API_KEY or pass --api-key");

        Cli.Result options = new Cli(Map.of()).run("apps", "list", "--base-url", platform.baseUrl(), "--api-key", platform.apiKey);
        assertThat(options.code()).as(options.toString()).isZero();

        Cli.Result wrongKey = cli.run("apps", "list", "--api-key", "psk_wrong");
        assertThat(wrongKey.code()).isEqualTo(1);
        assertThat(wrongKey.err()).startsWith("error 401: ");

        Cli.Result badUrl = cli.with(Connection.BASE_URL_ENV, "not a url").run("apps", "list");
        assertThat(badUrl.code()).isEqualTo(2);
        assertThat(badUrl.err()).startsWith("error: invalid base URL");
    }

    @Test
    void aServerThatIsNotThereIsAnApiErrorNotAStackTrace() {
        Cli.Result refused = cli.with(Connection.BASE_URL_ENV, "http://127.0.0.1:1").run("apps", "list", "--api-key", "k");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).isEqualTo("error: connection to 127.0.0.1:1 refused\n");
    }
}
