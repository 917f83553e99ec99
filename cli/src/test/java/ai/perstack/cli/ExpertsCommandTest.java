package ai.perstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.perstack.client.applications.CreateApplicationInput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpertsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Platform platform;
    private static Cli cli;
    private static String app;

    @BeforeAll
    static void start() {
        platform = Platform.start();
        cli = platform.cli();
        app = platform.client.applications().create(CreateApplicationInput.builder().name("experts").build())
                .orElseThrow().data().application().id();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void aDraftFromATomlFileBecomesAVersionAndIsPublishedAndYanked(@TempDir Path dir) throws Exception {
        Path toml = Files.writeString(dir.resolve("perstack.toml"), ExpertsFileTest.PERSTACK_TOML);
        String scope = "@local/writer";
        Cli.Result created = cli.run("experts", "drafts", "create", scope, "--app", app, "--file", toml.toString(),
                "--category", "writing", "--description", "Writes things");
        assertThat(created.code()).as(created.toString()).isZero();
        assertThat(created.out()).contains("Scope        " + scope, "main    main    ask(askUser)    editor",
                "editor  editor  @perstack/base  -");
        String draft = created.out().lines().findFirst().orElseThrow().substring("ID           ".length());

        Cli.Result listed = cli.run("experts", "drafts", "list", scope);
        assertThat(listed.out()).contains(draft, "main editor");
        assertThat(cli.run("experts", "drafts", "list", scope, "-o", "id").out()).isEqualTo(draft + "\n");
        JsonNode got = JSON.readTree(cli.run("experts", "drafts", "get", scope, draft, "-o", "json").out());
        assertThat(got).isEqualTo(platform.client.experts().drafts().get(scope, draft).orElseThrow().json());

        Path json = Files.writeString(dir.resolve("experts.json"), ExpertsFileTest.JSON.replace("Write.", "Write well."));
        Cli.Result updated = cli.run("experts", "drafts", "update", scope, draft, "--file", json.toString(), "-o", "json");
        assertThat(updated.code()).as(updated.toString()).isZero();
        assertThat(JSON.readTree(updated.out()).at("/data/draft/experts/0/instruction").asText()).isEqualTo("Write well.");

        Cli.Result assigned = cli.run("experts", "drafts", "assign-version", scope, draft, "1.0.0");
        assertThat(assigned.out()).isEqualTo("Assigned @local/writer@1.0.0 (latest)\n");
        Cli.Result again = cli.run("experts", "drafts", "assign-version", scope, draft, "1.0.0");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).startsWith("error 409: ");
        assertThat(cli.run("experts", "drafts", "assign-version", scope, draft, "1.1.0-beta.1", "--tag", "beta", "-o", "id").out())
                .isEqualTo("1.1.0-beta.1\n");

        Cli.Result versions = cli.run("experts", "versions", scope);
        assertThat(versions.out().lines().toList()).hasSize(3);
        assertThat(versions.out()).contains("1.1.0-beta.1", "beta", "latest");

        Cli.Result definition = cli.run("experts", "get", scope);
        assertThat(definition.out()).contains("Version  1.0.0", "Tags     latest", "main    main");
        JsonNode defJson = JSON.readTree(cli.run("experts", "get", scope + "@1.0.0", "-o", "json").out());
        assertThat(defJson).isEqualTo(platform.client.experts().get(scope + "@1.0.0").orElseThrow().json());

        Cli.Result meta = cli.run("experts", "meta", scope + "@beta");
        assertThat(meta.out()).contains("Version     1.1.0-beta.1", "Tag         beta", "Visibility  private");
        assertThat(cli.run("experts", "meta", scope, "-o", "id").out()).isEqualTo(scope + "@1.0.0\n");

        Cli.Result list = cli.run("experts", "list", "--filter", "writer");
        assertThat(list.out()).contains(scope, "private", "writing", "1.0.0", "latest=1.0.0");

        assertThat(cli.run("experts", "publish", scope).out()).contains("Visibility   public");
        JsonNode unpublished = JSON.readTree(cli.run("experts", "unpublish", scope, "-o", "json").out());
        assertThat(unpublished.at("/data/scope/visibility").asText()).isEqualTo("private");

        Cli.Result yanked = cli.run("experts", "yank", scope + "@1.0.0");
        assertThat(yanked.out()).isEqualTo("Yanked @local/writer@1.0.0; the latest tag moved\n");
        Cli.Result yankedAgain = cli.run("experts", "yank", scope + "@1.0.0", "-o", "json");
        assertThat(yankedAgain.code()).isEqualTo(1);
        assertThat(JSON.readTree(yankedAgain.out()).get("code").asInt()).isEqualTo(409);

        Cli.Result deleted = cli.run("experts", "drafts", "delete", scope, draft);
        assertThat(deleted.out()).isEqualTo("Deleted draft " + draft + " of " + scope + "\n");
    }

    @Test
    void draftsReadStandardInputAndRejectBadFiles(@TempDir Path dir) throws Exception {
        Cli.Result fromStdin = cli.runWithInput(ExpertsFileTest.JSON, "experts", "drafts", "create", "@local/stdin",
                "--app", app, "--file", "-", "-o", "id");
        assertThat(fromStdin.code()).as(fromStdin.toString()).isZero();

        Cli.Result missing = cli.run("experts", "drafts", "create", "@local/x", "--app", app, "--file", dir.resolve("nope.toml").toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).endsWith("nope.toml: no such file\n");

        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"experts\": [{\"key\": \"main\"}]}");
        Cli.Result invalid = cli.run("experts", "drafts", "create", "@local/x", "--app", app, "--file", bad.toString());
        assertThat(invalid.code()).isEqualTo(2);
        assertThat(invalid.err()).startsWith("error: " + bad + ": experts[0]: ");

        Cli.Result otherOrg = cli.run("experts", "drafts", "create", "@someone-else/x", "--app", app, "--file", "-");
        assertThat(otherOrg.code()).isEqualTo(2);
    }

    @Test
    void unknownKeysAreNotFound() {
        Cli.Result r = cli.run("experts", "get", "@local/nothing-here");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("error 404: ");
        assertThat(cli.run("experts", "list", "--filter", "nothing-here").out()).isEqualTo("No experts.\n");
    }
}
