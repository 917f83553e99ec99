package ai.perstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.perstack.client.experts.Expert;
import ai.perstack.client.experts.ExpertDefinition;
import ai.perstack.client.experts.Skill;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    /** The mock provider's directives: delegate to the summarizer, then ask the user. */
    static final String QUERY = "Sort the new reports\n/delegate summarizer Summarize report 7\n/ask Delete the duplicates?";

    static Path team(Path dir) throws IOException {
        try (InputStream in = RunCommandTest.class.getResourceAsStream("/team/perstack.toml")) {
            Path file = dir.resolve("perstack.toml");
            Files.write(file, in.readAllBytes());
            return file;
        }
    }

    @Test
    void runsAnExpertOfARealPerstackTomlOnAnInProcessPlatform(@TempDir Path dir) throws IOException {
        Path file = team(dir);
        Path data = dir.resolve("data");
        Cli.Result r = new Cli(Map.of()).runWithInput("yes, delete them\n",
                "run", "--config", file.toString(), "--data-dir", data.toString(), "--provider", "mock", "triage", QUERY);
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Expert    @local/triage@2.1.0  (published; triage, summarizer)",
                "? Delete the duplicates?\n› yes, delete them\n",
                "Status       completed",
                "Done: Sort the new reports (answer: yes, delete them)");
        assertThat(r.out()).containsPattern("delegate +→ summarizer: Summarize report 7");
        assertThat(r.err()).isEmpty();

        // The same file again: the published version is reused; a changed file publishes the next patch version.
        Cli.Result again = new Cli(Map.of()).run("run", "--config", file.toString(), "--data-dir", data.toString(),
                "--provider", "mock", "summarizer", "Summarize report 8");
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(again.out()).contains("Expert    @local/summarizer@1.0.0  (published; summarizer)");
        Cli.Result same = new Cli(Map.of()).runWithInput("ok\n", "run", "--config", file.toString(), "--data-dir", data.toString(),
                "--provider", "mock", "triage", "Sort again\n/ask Go on?");
        assertThat(same.out()).as(same.toString()).contains("Expert    @local/triage@2.1.0  (unchanged; triage, summarizer)");
        Files.writeString(file, Files.readString(file).replace("Summarize the report named", "Summarize briefly the report named"));
        Cli.Result changed = new Cli(Map.of()).run("run", "--config", file.toString(), "--data-dir", data.toString(),
                "--provider", "mock", "triage", "Sort once more");
        assertThat(changed.out()).as(changed.toString()).contains("Expert    @local/triage@2.1.1  (published; triage, summarizer)");
    }

    @Test
    void onARemotePlatformTheDefinitionIsPublishedInCoreShapeAndTheFileSettingsReachTheJob(@TempDir Path dir) throws IOException {
        Path file = team(dir);
        try (Platform p = Platform.start()) {
            Cli.Result r = p.cli().runWithInput("", "run", "--config", file.toString(), "--provider", "mock", "--max-steps", "30",
                    "triage", "Sort\n/ask Delete?");
            assertThat(r.code()).as("waiting for an answer when input ends is not a failure: %s", r).isZero();
            assertThat(r.out()).contains("No answer (end of input). Continue it with:  perstack jobs continue ",
                    "Status       stoppedByInteractiveTool", "Steps        3 of at most 30");
            assertThat(r.out()).containsPattern("Provider +mock / claude-sonnet-4-5");

            ExpertDefinition definition = p.client.experts().get("@local/triage@2.1.0").orElseThrow().data().definition();
            assertThat(definition.experts()).extracting(Expert::key).containsExactly("triage", "summarizer");
            Expert triage = definition.experts().get(0);
            assertThat(triage.name()).isEqualTo("triage");
            assertThat(triage.version()).contains("2.1.0");
            assertThat(triage.tags()).containsExactly("triage", "bugs");
            assertThat(triage.description()).contains("Sorts incoming bug reports — und fragt nach, bevor es löscht");
            assertThat(triage.skills().keySet()).containsExactly("@perstack/base", "tracker", "ask");
            assertThat(((Skill.McpStdio) triage.skills().get("@perstack/base")).omit()).containsExactly("exec");
            assertThat(triage.skills().get("ask").tools().get("confirm").inputJsonSchema())
                    .isEqualTo("{\"type\":\"object\",\"properties\":{\"question\":{\"type\":\"string\"}},\"required\":[\"question\"]}");
            assertThat(definition.experts().get(1).skills()).as("no skills in the file: core's base skill")
                    .containsOnlyKeys("@perstack/base");
            var job = p.client.jobs().list().orElseThrow().data().jobs().get(0);
            assertThat(job.reasoningBudget().tokens()).hasValue(4096);
            assertThat(job.maxRetries()).isEqualTo(3);
        }
    }

    @Test
    void delegatesOutsideTheFileArePublishedKeys(@TempDir Path dir) throws IOException {
        try (Platform p = Platform.start()) {
            Path glossary = Files.writeString(dir.resolve("glossary.toml"), "[experts.glossary]\ninstruction = \"Define terms.\"\n");
            assertThat(p.cli().run("run", "--config", glossary.toString(), "--provider", "mock", "glossary", "Define SLA").code()).isZero();
            Path file = Files.writeString(dir.resolve("perstack.toml"), """
                    [experts."@local/writer"]
                    instruction = "Write, with the glossary's help."
                    delegates = ["@local/glossary"]
                    """);
            Cli.Result r = p.cli().run("run", "--config", file.toString(), "--provider", "mock", "@local/writer",
                    "Write a note\n/delegate @local/glossary Define SLA");
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.out()).contains("Expert    @local/writer@1.0.0  (published; @local/writer)", "Status       completed");
            assertThat(p.client.experts().get("@local/writer").orElseThrow().data().definition().experts().get(0).delegates())
                    .containsExactly("@local/glossary");
        }
    }

    @Test
    void runWithUploadHandsTheFileToTheJobBeforeItsFirstStep(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("perstack.toml"), """
                [experts.reader]
                instruction = "Read the files you are given."

                [experts.reader.skills."@perstack/base"]
                type = "mcpStdioSkill"
                command = "npx"
                packageName = "@perstack/base"
                """);
        Path notes = Files.writeString(dir.resolve("notes.txt"), "meeting at noon");
        Cli.Result r = new Cli(Map.of()).run("run", "--config", file.toString(), "--data-dir",
                dir.resolve("data").toString(), "--provider", "mock", "-o", "json", "--upload", notes + "=in/notes.txt",
                "reader", "/tool @perstack/base readTextFile {\"path\":\"in/notes.txt\"}\nDone");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("\"type\":\"readTextFile\"", "\"content\":\"meeting at noon\"",
                "\"files\":[\"in/notes.txt\"]");
    }

    @Test
    void mistakesAreUsageErrorsNamingTheFile(@TempDir Path dir) throws IOException {
        Path file = team(dir);
        Cli cli = new Cli(Map.of());
        Cli.Result missing = cli.run("run", "--config", file.toString(), "--provider", "mock", "nobody", "Hi");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains(file + ": no expert \"nobody\" (it has: triage, summarizer, unrelated)");

        Path bad = Files.writeString(dir.resolve("bad.toml"), "[experts.a]\ninstruction = \"x\"\ndelegates = [\"ghost\"]\n");
        Cli.Result ghost = cli.run("run", "--config", bad.toString(), "--provider", "mock", "a", "Hi");
        assertThat(ghost.code()).isEqualTo(2);
        assertThat(ghost.err()).contains("[experts.\"a\"] delegates: \"ghost\" is neither an expert of this file nor a published key");

        Cli.Result none = cli.run("run", "--config", dir.resolve("nope.toml").toString(), "a", "Hi");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("nope.toml: no such file");

        Cli.Result budget = cli.run("run", "--config", file.toString(), "--reasoning-budget", "lots", "triage", "Hi");
        assertThat(budget.code()).isEqualTo(2);
        assertThat(budget.err()).contains("--reasoning-budget must be none, minimal, low, medium, high or a token count");
        assertThat(List.of(missing, ghost, none, budget)).allSatisfy(res -> assertThat(res.out()).doesNotContain("Job "));
    }
}
