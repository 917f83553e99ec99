package ai.perstack.cli;

import ai.perstack.client.ApiResult;
import ai.perstack.client.PerstackClient;
import ai.perstack.client.config.TomlDefinition;
import ai.perstack.client.config.PerstackConfig;
import ai.perstack.client.config.PerstackToml;
import ai.perstack.client.config.PerstackTomlException;
import ai.perstack.client.jobs.ContinueJobInput;
import ai.perstack.client.jobs.Job;
import ai.perstack.client.jobs.JobResponse;
import ai.perstack.client.jobs.JobStatus;
import ai.perstack.client.jobs.StartJobInput;
import ai.perstack.server.LocalPlatform;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code perstack run EXPERT QUERY}: runs an expert of {@code perstack.toml} as the Perstack CLI
 * does. It publishes the expert and the experts of the file it delegates to as one definition on
 * the platform ({@link TomlDefinition}, {@link RunPublisher}), starts a job with the file's run
 * settings (flags win), follows it live, asks the expert's interactive questions on the terminal
 * and continues the job with the answers, and exits with the follow exit codes. With no
 * {@code PERSTACK_BASE_URL} (or {@code --base-url}) it runs an in-process platform.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run an expert of perstack.toml: publish it (and the experts it delegates to), start a job, follow it live,",
                "answer its questions on the terminal. perstack.toml is found by walking up from the working directory.",
                "Without PERSTACK_BASE_URL it runs on an in-process platform; with it, on that platform."},
        footerHeading = "%nExamples:%n",
        footer = {"  perstack run --provider mock triage 'Sort the new reports'",
                "  perstack run --config team/perstack.toml --max-steps 20 triage 'Sort the new reports'",
                "  PERSTACK_BASE_URL=http://127.0.0.1:8080 PERSTACK_API_KEY=... perstack run triage 'Sort the new reports'",
                "",
                "Exit codes: 0 completed (or waiting for an answer when stdin ends), 1 API error, 2 usage error,",
                "3 stopped otherwise (error, max steps, canceled)."})
final class RunCommand implements Callable<Integer> {
    static final String APPLICATION = "perstack-run";

    @Spec
    CommandSpec spec;

    @Mixin
    Connection connection;

    @Parameters(index = "0", paramLabel = "EXPERT", description = "The expert's key in perstack.toml ([experts.\"KEY\"]).")
    String expert;

    @Parameters(index = "1", paramLabel = "QUERY", description = "The task.")
    String query;

    @Option(names = "--config", paramLabel = "PATH", description = "The perstack.toml to use (default: the nearest one, walking up from the working directory).")
    Path config;

    @Option(names = {"-p", "--provider"}, paramLabel = "NAME", description = "Model provider (default: [provider] providerName, else anthropic).")
    String provider;

    @Option(names = "--model", paramLabel = "NAME", description = "Model (default: the file's model, else the platform's default for the provider).")
    String model;

    @Option(names = "--reasoning-budget", paramLabel = "BUDGET", description = "none, minimal, low, medium, high or a token count (default: the file's).")
    String reasoningBudget;

    @Option(names = "--max-steps", paramLabel = "N", description = "Step budget (default: the file's maxSteps, else 100).")
    Integer maxSteps;

    @Option(names = "--max-retries", paramLabel = "N", description = "Retries of a failed generation (default: the file's maxRetries, else 5).")
    Integer maxRetries;

    @Option(names = "--timeout", paramLabel = "MS", description = "Per-call timeout in ms (default: the file's timeout); this platform has no per-job timeout, so it is only checked.")
    Long timeout;

    @Option(names = "--upload", paramLabel = "LOCAL[=REMOTE]", description = Uploads.HELP)
    List<String> uploads = new ArrayList<>();

    @Option(names = "--app", paramLabel = "NAME", defaultValue = APPLICATION, description = "The application to run under, created when missing (default: ${DEFAULT-VALUE}).")
    String app;

    @Option(names = "--org", paramLabel = "NAME", description = "The organization of the API key, whose scope @ORG/EXPERT is published (default: env PERSTACK_ORG, else local).")
    String org;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "In-process platform only: keep its data here (default: a temporary directory, deleted after).")
    Path dataDir;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "table (default) or json (each checkpoint's JSON on a line, then the job's).")
    Output.Format format = Output.Format.table;

    @Override
    public Integer call() throws IOException {
        Io io = PerstackCli.io(spec);
        PerstackConfig file = load();
        RunSettings settings = RunSettings.of(file, provider, model, reasoningBudget, maxSteps, maxRetries, timeout);
        Output out = new Output(io, format);
        String url = connection.baseUrl != null && !connection.baseUrl.isBlank() ? connection.baseUrl : io.getenv(Connection.BASE_URL_ENV);
        if (url == null || url.isBlank()) {
            try (InProcessPlatform platform = InProcessPlatform.start(dataDir, io)) {
                note(out, "Platform", platform.describe());
                return run(platform.client(), out, file, settings, LocalPlatform.BOOTSTRAP_ORGANIZATION);
            }
        }
        if (dataDir != null) {
            throw new UsageException("--data-dir is for the in-process platform; unset PERSTACK_BASE_URL (and --base-url) to use it");
        }
        String organization = org != null ? org : io.getenv("PERSTACK_ORG") != null ? io.getenv("PERSTACK_ORG")
                : LocalPlatform.BOOTSTRAP_ORGANIZATION;
        try (PerstackClient client = connection.client(io)) {
            return run(client, out, file, settings, organization);
        }
    }

    private PerstackConfig load() {
        Path path = config != null ? config : PerstackToml.find(Path.of("")).orElseThrow(() -> new UsageException(
                "no " + PerstackToml.FILE_NAME + " in " + Path.of("").toAbsolutePath() + " or any directory above it; pass --config PATH"));
        try {
            return PerstackToml.read(path);
        } catch (PerstackTomlException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private int run(PerstackClient client, Output out, PerstackConfig file, RunSettings settings, String organization) {
        TomlDefinition definition;
        try {
            definition = TomlDefinition.of(file, expert, organization);
        } catch (PerstackTomlException e) {
            throw new UsageException(e.getMessage());
        }
        String applicationId = InProcessPlatform.application(client, app).id();
        RunPublisher.Published published = RunPublisher.publish(client, definition, applicationId);
        note(out, "Expert", published.expertKey() + "  (" + (published.published() ? "published" : "unchanged") + "; "
                + String.join(", ", definition.experts().stream().map(e -> e.name()).toList()) + ")");
        StartJobInput.Builder start = StartJobInput.builder().applicationId(applicationId).expertKey(published.expertKey())
                .query(query).provider(settings.provider());
        settings.model().ifPresent(start::model);
        settings.jobReasoningBudget().ifPresent(start::reasoningBudget);
        settings.maxSteps().ifPresent(start::maxSteps);
        settings.maxRetries().ifPresent(start::maxRetries);
        Uploads.Staging staged = Uploads.stage(client, uploads);
        if (staged.error() != null) {
            return out.error(staged.error());
        }
        staged.uploads().forEach(u -> start.addUpload(u.path(), u.uploadId()));
        var started = client.jobs().start(start.build());
        if (!started.ok()) {
            Uploads.discard(client, staged.uploads());
        }
        Job job = started.orElseThrow().data().job();
        note(out, "Job", job.id() + "  (provider " + job.provider().value() + job.model().map(m -> ", model " + m).orElse("") + ")");
        return follow(client, out, job);
    }

    /** Follows the job; each interactive question is asked on the terminal and the job continued with the answer. */
    private int follow(PerstackClient client, Output out, Job job) {
        JobFollower follower = new JobFollower(out, "");
        BufferedReader answers = new BufferedReader(new InputStreamReader(out.io().in(), StandardCharsets.UTF_8));
        long after = 0;
        JobFollower.Outcome outcome;
        while (true) {
            outcome = follower.follow(client, job.id(), after);
            if (outcome.error() != null) {
                return out.error(outcome.error());
            }
            if (!JobStatus.STOPPED_BY_INTERACTIVE_TOOL.equals(outcome.status())) {
                break;
            }
            String question = outcome.pendingQuestion().map(CheckpointText::question).orElse("(the expert waits for an answer)");
            PrintStream talk = out.json() ? out.io().err() : out.out();
            talk.println();
            talk.println(out.io().symbol("?", "?") + " " + question);
            talk.print(out.io().symbol("›", ">") + " ");
            talk.flush();
            String answer = readLine(answers);
            if (answer == null) {
                talk.println();
                talk.println("No answer (end of input). Continue it with:  perstack jobs continue " + job.id() + " --answer '...' --follow");
                break;
            }
            if (!out.io().terminal()) {
                talk.println(answer);
            }
            client.jobs().continueJob(job.id(), ContinueJobInput.answer(answer)).orElseThrow();
            after = outcome.lastSequence();
        }
        ApiResult<JobResponse> end = client.jobs().get(job.id());
        if (!end.ok()) {
            return out.error(end.error());
        }
        Job finished = end.data().data().job();
        if (out.json()) {
            out.printJsonLine(end.data().json());
        } else {
            out.out().println();
            JobsCommand.print(out, finished);
        }
        return ExitCodes.of(outcome.status() != null ? outcome.status() : finished.status());
    }

    private static String readLine(BufferedReader in) {
        try {
            return in.readLine();
        } catch (IOException e) {
            return null;
        }
    }

    /** A progress line: on stdout, or on stderr when stdout carries JSON. */
    private static void note(Output out, String what, String detail) {
        PrintStream to = out.json() ? out.io().err() : out.out();
        to.println(what + " ".repeat(Math.max(1, 10 - what.length())) + detail);
        to.flush();
    }
}
