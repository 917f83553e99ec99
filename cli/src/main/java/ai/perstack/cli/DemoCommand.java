package ai.perstack.cli;

import ai.perstack.client.PerstackClient;
import ai.perstack.client.applications.Application;
import ai.perstack.client.experts.AssignVersionInput;
import ai.perstack.client.experts.CreateDraftInput;
import ai.perstack.client.experts.Expert;
import ai.perstack.client.experts.ExpertDraft;
import ai.perstack.client.experts.ExpertVersion;
import ai.perstack.client.experts.Skill;
import ai.perstack.client.experts.SkillTool;
import ai.perstack.client.jobs.ContinueJobInput;
import ai.perstack.client.jobs.Job;
import ai.perstack.client.jobs.JobStatus;
import ai.perstack.client.jobs.StartJobInput;
import ai.perstack.server.LocalPlatform;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code perstack demo}: the whole round trip on a platform started in this process, through the
 * Java client over real HTTP — an application, an expert with an interactive skill, version
 * 1.0.0, a job on the {@code mock} provider that asks a question, its checkpoints live, the
 * answer, and the job to completion.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run a job from start to finish on an in-process platform: nothing to set up.",
                "It creates an application and an expert with an interactive skill, assigns version 1.0.0, starts a job",
                "on the mock provider, streams its checkpoints, answers its question and streams it to completion."},
        footerHeading = "%nExamples:%n",
        footer = {"  perstack demo", "  perstack demo --answer 'Kotlin developers'",
                "  perstack demo --data-dir .perstack      # keep what it made, then: perstack serve",
                "  perstack demo --keep-running            # then look at the job in the console until Ctrl-C"})
final class DemoCommand implements Callable<Integer> {
    static final String SCOPE = "@" + LocalPlatform.BOOTSTRAP_ORGANIZATION + "/greeter";
    static final String APPLICATION = "perstack-demo";
    static final String TASK = "Write a short greeting for new users";
    static final String QUESTION = "Who is the audience?";
    /** The mock provider reads the directives: ask the question, and take 150 ms a step so the stream is visibly live. */
    static final String QUERY = TASK + "\n/ask " + QUESTION + "\n/sleep 150";
    private static final Pattern SEMVER = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+).*");

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Keep the platform's data here (default: a temporary directory, deleted after).")
    Path dataDir;

    @Option(names = "--answer", paramLabel = "TEXT", defaultValue = "Java developers",
            description = "The answer to the job's question (default: ${DEFAULT-VALUE}).")
    String answer;

    @Option(names = "--keep-running", description = "After the job, keep the platform running (until Ctrl-C) to look at it in the console.")
    boolean keepRunning;

    private PrintStream o;
    private Io io;
    /** With --keep-running: tells the shutdown hook that the platform is stopped and its temporary data deleted. */
    private Runnable afterStop = () -> { };

    @Override
    public Integer call() throws IOException {
        io = PerstackCli.io(spec);
        o = io.out();
        o.println();
        o.println("  Perstack demo " + io.symbol("—", "-") + " a job on a local platform, driven by the Java client over HTTP");
        o.println();
        try (InProcessPlatform platform = InProcessPlatform.start(dataDir, io)) {
            done("Platform", platform.describe());
            done("Console", platform.consoleUrl());
            int code = run(platform.client());
            if (keepRunning) {
                waitForInterrupt(platform.consoleUrl());
            }
            return code;
        } finally {
            // After the platform has stopped and its temporary data is gone (see waitForInterrupt).
            afterStop.run();
        }
    }

    private int run(PerstackClient client) {
        Application app = InProcessPlatform.application(client, APPLICATION);
        done("Application", app.name() + "  (" + app.id() + ")");

        ExpertDraft draft = client.experts().drafts().create(SCOPE, CreateDraftInput.builder()
                .applicationId(app.id()).addExpert(greeter()).category("writing")
                .description("Writes greetings; asks who they are for").build()).orElseThrow().data().draft();
        done("Draft", SCOPE + "  (1 expert; interactive skill ask " + io.symbol("→", "->") + " askUser)");

        ExpertVersion version = client.experts().drafts()
                .assignVersion(SCOPE, draft.id(), AssignVersionInput.of(nextVersion(client))).orElseThrow().data().version();
        String expertKey = SCOPE + "@" + version.version();
        done("Version", expertKey + (version.tags().isEmpty() ? "" : "  (" + String.join(", ", version.tags()) + ")"));

        Job job = client.jobs().start(StartJobInput.builder().applicationId(app.id()).expertKey(expertKey)
                .query(QUERY).provider("mock").build()).orElseThrow().data().job();
        done("Job", job.id() + "  (provider mock)");
        o.println();
        o.println("  Checkpoints, live:");

        Output out = new Output(io, Output.Format.table);
        JobFollower follower = new JobFollower(out, "  ");
        JobFollower.Outcome first = follower.follow(client, job.id(), 0);
        if (first.error() != null) {
            return out.error(first.error());
        }
        if (JobStatus.STOPPED_BY_INTERACTIVE_TOOL.equals(first.status())) {
            String question = first.pendingQuestion().map(CheckpointText::question).orElse(QUESTION);
            o.println();
            o.println("  " + io.symbol("?", "?") + " The expert asks: " + question);
            o.println("  " + io.symbol("›", ">") + " Answering:       " + answer);
            o.println();
            client.jobs().continueJob(job.id(), ContinueJobInput.answer(answer)).orElseThrow();
            // A new stream picks up after the last checkpoint seen: the client sends it as Last-Event-ID.
            JobFollower.Outcome second = follower.follow(client, job.id(), first.lastSequence());
            if (second.error() != null) {
                return out.error(second.error());
            }
        }
        Job end = client.jobs().get(job.id()).orElseThrow().data().job();
        return summary(end);
    }

    private int summary(Job job) {
        boolean completed = JobStatus.COMPLETED.equals(job.status());
        o.println();
        o.println("  " + (completed ? io.symbol("✓", "OK") : io.symbol("✗", "!!")) + " Job " + job.status().value());
        o.println();
        Duration took = Duration.between(job.createdAt(), job.finishedAt().orElse(job.updatedAt()));
        List<String[]> fields = new java.util.ArrayList<>(List.of(
                new String[] {"    Job", job.id()},
                new String[] {"    Status", job.status().value()},
                new String[] {"    Steps", String.valueOf(job.totalSteps())},
                new String[] {"    Tokens", JobsCommand.tokens(job)},
                new String[] {"    Duration", Text.duration(took)},
                new String[] {"    Result", job.result().orElse("-")}));
        job.error().ifPresent(e -> fields.add(new String[] {"    Error", e.name() + ": " + e.message()}));
        Table.fields(o, fields);
        o.println();
        o.println("  Next: ./perstack serve, then ./perstack --help for every command.");
        return completed ? ExitCodes.OK : ExitCodes.JOB_UNSUCCESSFUL;
    }

    private void done(String what, String detail) {
        o.println("  " + io.symbol("✓", "OK") + " " + what + " ".repeat(Math.max(1, 13 - what.length())) + detail);
        o.flush();
    }

    /** Keeps the platform up for the console until Ctrl-C or SIGTERM; the caller then stops it and cleans up. */
    private void waitForInterrupt(String consoleUrl) {
        o.println();
        o.println("  The platform keeps running for the console: " + consoleUrl);
        o.println("  Press Ctrl-C to stop it.");
        o.flush();
        java.util.concurrent.CountDownLatch interrupted = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch cleanedUp = new java.util.concurrent.CountDownLatch(1);
        Thread hook = new Thread(() -> {
            interrupted.countDown();
            try {
                // The JVM halts when the hooks end: let the demo stop the platform and delete its data first.
                cleanedUp.await(15, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "perstack-demo-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            interrupted.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        afterStop = cleanedUp::countDown;
    }

    /** 1.0.0; with a kept data directory, the next patch version after the newest. */
    private static String nextVersion(PerstackClient client) {
        var versions = client.experts().versions().list(SCOPE);
        if (!versions.ok() || versions.data().data().versions().isEmpty()) {
            return "1.0.0";
        }
        Matcher m = SEMVER.matcher(versions.data().data().versions().get(0).version());
        if (!m.matches()) {
            return "1.0.0";
        }
        return m.group(1) + "." + m.group(2) + "." + (Long.parseLong(m.group(3)) + 1);
    }

    /** The demo expert: writes greetings, and has an interactive skill to ask the user. */
    static Expert greeter() {
        ObjectMapper json = new ObjectMapper();
        SkillTool askUser = SkillTool.of("Ask the user a question and wait for the answer",
                json.valueToTree(Map.of("type", "object", "properties", Map.of("question", Map.of("type", "string")),
                        "required", List.of("question"))));
        return Expert.builder().key("main").name("greeter")
                .description("Writes short, friendly greetings")
                .instruction("Write short, friendly greetings. When you do not know who they are for, ask the user.")
                .skill("ask", Skill.interactive("Questions to the user", Map.of("askUser", askUser)))
                .build();
    }
}
