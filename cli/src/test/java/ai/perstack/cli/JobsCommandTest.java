package ai.perstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.perstack.client.experts.AssignVersionInput;
import ai.perstack.client.experts.CreateDraftInput;
import ai.perstack.client.applications.CreateApplicationInput;
import ai.perstack.client.jobs.JobStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JobsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCOPE = "@local/cli-jobs";
    private static Platform platform;
    private static Cli cli;
    private static String app;

    @BeforeAll
    static void start() {
        platform = Platform.start();
        cli = platform.cli();
        app = platform.client.applications().create(CreateApplicationInput.builder().name("jobs").build())
                .orElseThrow().data().application().id();
        String draft = platform.client.experts().drafts().create(SCOPE, CreateDraftInput.builder().applicationId(app)
                .addExpert(DemoCommand.greeter()).build()).orElseThrow().data().draft().id();
        platform.client.experts().drafts().assignVersion(SCOPE, draft, AssignVersionInput.of("1.0.0")).orElseThrow();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static Cli.Result start(String query, String... more) {
        List<String> args = new ArrayList<>(List.of("jobs", "start", "--app", app, "--expert", SCOPE, "--provider", "mock", "-q", query));
        args.addAll(List.of(more));
        return cli.run(args.toArray(String[]::new));
    }

    private static String startId(String query) {
        Cli.Result r = start(query, "-o", "id");
        assertThat(r.code()).as(r.toString()).isZero();
        return r.out().strip();
    }

    /** A checkpoint as --follow and stream show it. */
    static String line(int sequence, String type, String text) {
        return String.format("%4d  %-18s  %s", sequence, type, text);
    }

    private static JsonNode jobJson(String id) {
        return platform.client.jobs().get(id).orElseThrow().json();
    }

    private static void awaitStatus(String id, String... statuses) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!List.of(statuses).contains(platform.client.jobs().get(id).orElseThrow().data().job().status().value())) {
            assertThat(System.currentTimeMillis()).as("job %s did not reach %s", id, List.of(statuses)).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void startFollowShowsEachCheckpointAndTheJobAtTheEnd() {
        Cli.Result r = start("Say hello", "--follow");
        assertThat(r.code()).as(r.toString()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).matches("Started job [a-z0-9]{24} \\(@local/cli-jobs@1\\.0\\.0, provider mock\\)");
        assertThat(lines.subList(1, 4)).containsExactly(
                line(1, "query", "Say hello"), line(2, "generalTool", "work: Working on: Say hello"), line(3, "complete", "Done: Say hello"));
        assertThat(r.out()).contains("Status       completed", "Result       Done: Say hello", "Steps        3 of at most 100");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aQuestionEndsTheFollowWithHowToAnswerAndContinueFollowsOnlyWhatIsNew() {
        Cli.Result asked = start("Greet\n/ask Who is the audience?", "--follow");
        assertThat(asked.code()).as(asked.toString()).isEqualTo(ExitCodes.OK);
        String id = asked.out().lines().findFirst().orElseThrow().split(" ")[2];
        assertThat(asked.out()).contains(line(3, "interactiveTool", "askUser: Who is the audience?"),
                "Status       stoppedByInteractiveTool",
                "The job is waiting for an answer to: Who is the audience?",
                "perstack jobs continue " + id + " --answer '...' --follow");

        Cli.Result answered = cli.run("jobs", "continue", id, "--answer", "Java developers", "--follow");
        assertThat(answered.code()).as(answered.toString()).isZero();
        assertThat(answered.out()).startsWith("Continued job " + id + "\n")
                .doesNotContain("query ", "askUser")
                .contains(line(4, "complete", "Done: Greet (answer: Java developers)"), "Status       completed");
    }

    @Test
    void followWithJsonPrintsOneDocumentPerLine() throws Exception {
        Cli.Result r = start("Quietly", "--follow", "-o", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        List<JsonNode> docs = new ArrayList<>();
        for (String line : r.out().lines().toList()) {
            docs.add(JSON.readTree(line));
        }
        assertThat(docs).hasSize(5);
        String id = docs.get(0).at("/data/job/id").asText();
        assertThat(docs.get(0).at("/data/job/status").asText()).isEqualTo("queued");
        for (int i = 1; i <= 3; i++) {
            assertThat(docs.get(i).get("sequence").asInt()).isEqualTo(i);
            assertThat(docs.get(i).get("jobId").asText()).isEqualTo(id);
        }
        assertThat(docs.get(4)).isEqualTo(jobJson(id));
        assertThat(docs.get(4).at("/data/job/status").asText()).isEqualTo("completed");
    }

    @Test
    void aJobThatEndsUnsuccessfullyExitsThree() {
        Cli.Result failed = start("Break\n/fail", "--max-retries", "1", "--follow");
        assertThat(failed.code()).as(failed.toString()).isEqualTo(ExitCodes.JOB_UNSUCCESSFUL);
        assertThat(failed.out()).contains("retry", "Status       stoppedByError", "Error");

        Cli.Result maxSteps = start("Long\n/steps 5", "--max-steps", "2", "--follow");
        assertThat(maxSteps.code()).as(maxSteps.toString()).isEqualTo(3);
        assertThat(maxSteps.out()).contains("stoppedByMaxSteps");
    }

    @Test
    void pauseResumeAndCancel() throws Exception {
        String id = startId("Slowly\n/steps 200\n/sleep 50");
        awaitStatus(id, "running");
        Cli.Result paused = cli.run("jobs", "pause", id);
        assertThat(paused.code()).as(paused.toString()).isZero();
        assertThat(paused.out()).contains("ID           " + id);
        awaitStatus(id, "paused");

        Cli.Result resumed = cli.run("jobs", "resume", id, "-o", "json");
        assertThat(resumed.code()).as(resumed.toString()).isZero();
        assertThat(JSON.readTree(resumed.out()).at("/data/job/id").asText()).isEqualTo(id);

        Cli.Result canceled = cli.run("jobs", "cancel", id);
        assertThat(canceled.code()).as(canceled.toString()).isZero();
        assertThat(canceled.out()).contains("Status       canceled");

        Cli.Result stream = cli.run("checkpoints", "stream", id);
        assertThat(stream.code()).as(stream.toString()).isEqualTo(ExitCodes.JOB_UNSUCCESSFUL);
        assertThat(stream.out()).endsWith("Job " + id + ": canceled\n");

        Cli.Result pauseCanceled = cli.run("jobs", "pause", id);
        assertThat(pauseCanceled.code()).isEqualTo(ExitCodes.API_ERROR);
        assertThat(pauseCanceled.err()).startsWith("error 409: ");
    }

    @Test
    void listAndGetRoundTripTheApiResponse() throws Exception {
        String id = startId("Listed");
        awaitStatus(id, "completed");

        Cli.Result got = cli.run("jobs", "get", id, "-o", "json");
        assertThat(JSON.readTree(got.out())).isEqualTo(jobJson(id));

        Cli.Result table = cli.run("jobs", "list", "--status", "completed", "--app", app);
        assertThat(table.code()).as(table.toString()).isZero();
        assertThat(table.out().lines().findFirst().orElseThrow()).matches("ID\\s+STATUS\\s+EXPERT\\s+STEPS\\s+TOKENS\\s+AGE");
        assertThat(table.out()).contains(id + "  completed  @local/cli-jobs@1.0.0");

        Cli.Result ids = cli.run("jobs", "list", "--filter", "status:completed", "--take", "100", "-o", "id");
        assertThat(ids.out().lines().toList()).contains(id);

        JsonNode listed = JSON.readTree(cli.run("jobs", "list", "--take", "1", "-o", "json").out());
        assertThat(listed.at("/data/jobs").size()).isEqualTo(1);
        assertThat(listed.at("/meta/take").asInt()).isEqualTo(1);

        Cli.Result badFilter = cli.run("jobs", "list", "--filter", "colour:red");
        assertThat(badFilter.code()).as(badFilter.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(badFilter.err()).startsWith("error: invalid input: filter");
    }

    @Test
    void startChecksItsInputs() {
        Cli.Result noQuery = cli.run("jobs", "start", "--app", app, "--expert", SCOPE, "--provider", "mock");
        assertThat(noQuery.code()).as(noQuery.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(noQuery.err()).startsWith("error: ").contains("query");

        Cli.Result missingOptions = cli.run("jobs", "start", "-q", "x");
        assertThat(missingOptions.code()).isEqualTo(2);
        assertThat(missingOptions.err()).contains("--app", "--expert", "--provider");

        Cli.Result unknownExpert = cli.run("jobs", "start", "--app", app, "--expert", "@local/nobody", "--provider", "mock", "-q", "x");
        assertThat(unknownExpert.code()).isEqualTo(1);
        assertThat(unknownExpert.err()).isEqualTo("error 400: Bad Request: expertKey expert scope @local/nobody not found\n");

        Cli.Result both = cli.run("jobs", "continue", "some-id", "--answer", "a", "--query", "q");
        assertThat(both.code()).isEqualTo(2);
    }

    @Test
    void checkpointsListGetAndStream() throws Exception {
        String id = startId("Inspect me\n/steps 2");
        awaitStatus(id, "completed");

        Cli.Result list = cli.run("checkpoints", "list", id);
        assertThat(list.code()).as(list.toString()).isZero();
        List<String> lines = list.out().lines().toList();
        assertThat(lines.get(0)).matches("SEQ\\s+STATUS\\s+ACTIVITY\\s+TOKENS\\s+TEXT");
        assertThat(lines).hasSize(5);
        assertThat(lines.get(4)).contains("completed", "complete", "Done: Inspect me");

        JsonNode listed = JSON.readTree(cli.run("checkpoints", "list", id, "-o", "json").out());
        assertThat(listed).isEqualTo(platform.client.jobs().checkpoints().list(id).orElseThrow().json());

        List<String> cpIds = cli.run("checkpoints", "list", id, "-o", "id").out().lines().toList();
        assertThat(cpIds).hasSize(4);
        Cli.Result got = cli.run("checkpoints", "get", id, cpIds.get(1));
        assertThat(got.code()).isZero();
        assertThat(got.out()).contains("Sequence  2", "Activity  generalTool", "Text      work: Working on: Inspect me");
        JsonNode gotJson = JSON.readTree(cli.run("checkpoints", "get", id, cpIds.get(1), "-o", "json").out());
        assertThat(gotJson).isEqualTo(platform.client.jobs().checkpoints().get(id, cpIds.get(1)).orElseThrow().json());

        Cli.Result stream = cli.run("checkpoints", "stream", id, "--after", "2");
        assertThat(stream.code()).as(stream.toString()).isZero();
        assertThat(stream.out().lines().toList()).containsExactly(
                line(3, "generalTool", "work: Working on: Inspect me"),
                line(4, "complete", "Done: Inspect me"),
                "Job " + id + ": " + JobStatus.COMPLETED.value());

        List<String> ndjson = cli.run("checkpoints", "stream", id, "-o", "json").out().lines().toList();
        assertThat(ndjson).hasSize(4);
        assertThat(JSON.readTree(ndjson.get(3)).at("/activity/type").asText()).isEqualTo("complete");

        Cli.Result unknown = cli.run("checkpoints", "stream", "nosuchjob");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).startsWith("error 404: ");
    }
}
