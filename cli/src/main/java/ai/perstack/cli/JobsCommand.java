package ai.perstack.cli;

import ai.perstack.client.ApiResult;
import ai.perstack.client.PerstackClient;
import ai.perstack.client.jobs.ContinueJobInput;
import ai.perstack.client.jobs.Job;
import ai.perstack.client.jobs.JobResponse;
import ai.perstack.client.jobs.ListJobsParams;
import ai.perstack.client.jobs.StartJobInput;
import ai.perstack.client.jobs.UpdateJobInput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code perstack jobs}: start, watch, steer and inspect jobs. */
@Command(name = "jobs", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "Start jobs, follow them live, answer their questions, pause, resume and cancel them.",
        subcommands = {JobsCommand.StartJob.class, JobsCommand.ListJobs.class, JobsCommand.GetJob.class,
                JobsCommand.PauseJob.class, JobsCommand.ResumeJob.class, JobsCommand.ContinueJob.class,
                JobsCommand.CancelJob.class, JobFilesCommands.ListFiles.class, JobFilesCommands.Download.class},
        footerHeading = "%nExamples:%n",
        footer = {"  perstack jobs start --app APP_ID --expert @local/greeter --provider mock -q 'Say hello' --follow",
                "  perstack jobs continue JOB_ID --answer 'Java developers' --follow",
                "  perstack jobs list --status running"})
final class JobsCommand {

    static void print(Output out, Job j) {
        List<String[]> f = new ArrayList<>();
        f.add(new String[] {"ID", j.id()});
        f.add(new String[] {"Status", j.status().value()});
        f.add(new String[] {"Application", j.applicationId()});
        f.add(new String[] {"Expert", j.expertKey().equals(j.resolvedExpertKey()) ? j.expertKey()
                : j.expertKey() + " (" + j.resolvedExpertKey() + ")"});
        f.add(new String[] {"Provider", j.provider().value() + j.model().map(m -> " / " + m).orElse("")});
        j.query().ifPresent(q -> f.add(new String[] {"Query", Text.shorten(Text.oneLine(q), 200)}));
        f.add(new String[] {"Steps", j.totalSteps() + " of at most " + j.maxSteps()});
        f.add(new String[] {"Tokens", tokens(j)});
        j.result().ifPresent(r -> f.add(new String[] {"Result", r}));
        j.error().ifPresent(e -> f.add(new String[] {"Error", e.name() + ": " + e.message()}));
        f.add(new String[] {"Created", Text.time(j.createdAt())});
        j.finishedAt().ifPresent(t -> f.add(new String[] {"Finished", Text.time(t)}));
        Table.fields(out.out(), f);
    }

    static String tokens(Job j) {
        return Text.number(j.usage().totalTokens()) + " (input " + Text.number(j.usage().inputTokens())
                + ", output " + Text.number(j.usage().outputTokens()) + ")";
    }

    static int item(Output out, ApiResult<JobResponse> r) {
        return out.show(r, JobResponse::json, x -> print(out, x.data().job()), x -> List.of(x.data().job().id()));
    }

    /**
     * Follows a job after {@code afterSequence} until it stops; then shows how it ended. The exit
     * code says whether it ended well (see {@link ExitCodes#of(ai.perstack.client.jobs.JobStatus)}).
     */
    static int follow(PerstackClient client, Output out, Job job, long afterSequence) {
        JobFollower.Outcome o = new JobFollower(out, "").startingFrom(job.totalSteps(), job.usage().totalTokens())
                .follow(client, job.id(), afterSequence);
        if (o.error() != null) {
            return out.error(o.error());
        }
        ApiResult<JobResponse> end = client.jobs().get(job.id());
        if (!end.ok()) {
            return out.error(end.error());
        }
        Job j = end.data().data().job();
        if (out.json()) {
            out.printJsonLine(end.data().json());
        } else {
            out.out().println();
            print(out, j);
            o.pendingQuestion().ifPresent(q -> {
                out.out().println();
                out.out().println("The job is waiting for an answer to: " + CheckpointText.question(q));
                out.out().println("Answer it with:  perstack jobs continue " + j.id() + " --answer '...' --follow");
            });
        }
        return ExitCodes.of(o.status() != null ? o.status() : j.status());
    }

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Start a job; --follow streams it until it stops.",
            footerHeading = "%nExamples:%n",
            footer = {"  perstack jobs start --app APP_ID --expert @local/greeter@1.0.0 --provider mock -q 'Say hello' --follow",
                    "  JOB=$(perstack jobs start --app APP_ID --expert @acme/writer --provider anthropic -q 'A haiku' -o id)",
                    "  perstack jobs start --app APP_ID --expert @acme/analyst --provider mock --upload notes.txt \\",
                    "      --upload data/q3.csv=inputs/q3.csv -q 'Summarize notes.txt and inputs/q3.csv'",
                    "",
                    "With --follow the exit code is 0 when the job completes or waits for an answer,",
                    "3 when it stops otherwise (error, max steps, canceled)."})
    static final class StartJob extends ApiCommand {
        @Option(names = {"-a", "--app"}, required = true, paramLabel = "APP_ID", description = "Application id.")
        String app;
        @Option(names = {"-e", "--expert"}, required = true, paramLabel = "KEY", description = "Expert key: @org/name, @org/name@1.2.3 or @org/name@tag.")
        String expert;
        @Option(names = {"-q", "--query"}, paramLabel = "TEXT", description = "The task (query or --file is required).")
        String query;
        @Option(names = "--file", paramLabel = "FILE", description = "A file for the job (repeatable).")
        List<String> files = new ArrayList<>();
        @Option(names = "--upload", paramLabel = "LOCAL[=REMOTE]", description = Uploads.HELP)
        List<String> uploads = new ArrayList<>();
        @Option(names = {"-p", "--provider"}, required = true, paramLabel = "NAME", description = "Model provider: mock, anthropic, openai, ...")
        String provider;
        @Option(names = "--model", paramLabel = "NAME", description = "Model name.")
        String model;
        @Option(names = "--reasoning-budget", paramLabel = "LEVEL", description = "low (default), medium or high.")
        String reasoningBudget;
        @Option(names = "--max-steps", paramLabel = "N", description = "Step budget (default 100).")
        Integer maxSteps;
        @Option(names = "--max-retries", paramLabel = "N", description = "Retries of a failed step (default 5).")
        Integer maxRetries;
        @Option(names = {"-f", "--follow"}, description = "Stream the job's checkpoints until it stops.")
        boolean follow;

        @Override
        int run(PerstackClient client, Output out) {
            StartJobInput.Builder b = StartJobInput.builder().applicationId(app).expertKey(expert).provider(provider).files(files);
            if (query != null) {
                b.query(query);
            }
            if (model != null) {
                b.model(model);
            }
            if (reasoningBudget != null) {
                b.reasoningBudget(reasoningBudget);
            }
            if (maxSteps != null) {
                b.maxSteps(maxSteps);
            }
            if (maxRetries != null) {
                b.maxRetries(maxRetries);
            }
            Uploads.Staging staged = Uploads.stage(client, uploads);
            if (staged.error() != null) {
                return out.error(staged.error());
            }
            staged.uploads().forEach(u -> b.addUpload(u.path(), u.uploadId()));
            ApiResult<JobResponse> r = client.jobs().start(b.build());
            if (!r.ok()) {
                Uploads.discard(client, staged.uploads());
            }
            if (!follow || !r.ok()) {
                return item(out, r);
            }
            Job job = r.data().data().job();
            if (out.json()) {
                out.printJsonLine(r.data().json());
            } else {
                out.out().println("Started job " + job.id() + " (" + job.resolvedExpertKey() + ", provider " + job.provider().value() + ")");
            }
            return follow(client, out, job, 0);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List jobs, newest first.",
            footerHeading = "%nExamples:%n",
            footer = {"  perstack jobs list", "  perstack jobs list --status running --app APP_ID",
                    "  perstack jobs list --filter 'status:completed expertKey:@local/greeter@1.0.0' -o json"})
    static final class ListJobs extends ApiCommand {
        @Option(names = "--status", description = "Only jobs with this status.")
        String status;
        @Option(names = "--app", paramLabel = "APP_ID", description = "Only jobs of this application.")
        String app;
        @Option(names = "--filter", paramLabel = "TERMS", description = "Raw filter: space-separated field:value terms (status, applicationId, expertKey).")
        String filter;
        @Option(names = "--sort", description = "createdAt (default) or updatedAt.")
        String sort;
        @Option(names = "--order", description = "asc or desc (default).")
        String order;
        @Option(names = "--take", description = "Page size, 1..100 (default 20).")
        Integer take;
        @Option(names = "--skip", description = "Items to skip.")
        Integer skip;

        @Override
        int run(PerstackClient client, Output out) {
            List<String> terms = new ArrayList<>();
            if (filter != null && !filter.isBlank()) {
                terms.add(filter.strip());
            }
            if (status != null) {
                terms.add("status:" + status);
            }
            if (app != null) {
                terms.add("applicationId:" + app);
            }
            ListJobsParams params = new ListJobsParams(take, skip, sort, order, terms.isEmpty() ? null : String.join(" ", terms));
            return out.show(client.jobs().list(params), r -> r.json(), r -> {
                Instant now = Instant.now();
                Table t = new Table("ID", "STATUS", "EXPERT", "STEPS", "TOKENS", "AGE");
                r.data().jobs().forEach(j -> t.row(j.id(), j.status().value(), j.resolvedExpertKey(), j.totalSteps(),
                        Text.number(j.usage().totalTokens()), Text.age(j.createdAt(), now)));
                out.table(t, "No jobs.");
                Lists.more(out, r.data().jobs().size(), r.meta().total(), "--skip/--take");
            }, r -> r.data().jobs().stream().map(Job::id).toList());
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Show a job.",
            footerHeading = "%nExample:%n", footer = "  perstack jobs get JOB_ID -o json")
    static final class GetJob extends ApiCommand {
        @Parameters(paramLabel = "JOB_ID")
        String id;

        @Override
        int run(PerstackClient client, Output out) {
            return item(out, client.jobs().get(id));
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true, description = "Pause a running job at its next step boundary.",
            footerHeading = "%nExample:%n", footer = "  perstack jobs pause JOB_ID")
    static final class PauseJob extends ApiCommand {
        @Parameters(paramLabel = "JOB_ID")
        String id;

        @Override
        int run(PerstackClient client, Output out) {
            return item(out, client.jobs().update(id, UpdateJobInput.pause()));
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume a paused job.",
            footerHeading = "%nExample:%n", footer = "  perstack jobs resume JOB_ID")
    static final class ResumeJob extends ApiCommand {
        @Parameters(paramLabel = "JOB_ID")
        String id;

        @Override
        int run(PerstackClient client, Output out) {
            return item(out, client.jobs().update(id, UpdateJobInput.resume()));
        }
    }

    @Command(name = "continue", mixinStandardHelpOptions = true,
            description = {"Continue a stopped job: answer its question (--answer), or give it more work or steps."},
            footerHeading = "%nExamples:%n",
            footer = {"  perstack jobs continue JOB_ID --answer 'Java developers' --follow",
                    "  perstack jobs continue JOB_ID --query 'Now make it shorter' --max-steps 20"})
    static final class ContinueJob extends ApiCommand {
        @Parameters(paramLabel = "JOB_ID")
        String id;
        @Option(names = "--answer", paramLabel = "TEXT", description = "The answer to the pending interactive tool call.")
        String answer;
        @Option(names = {"-q", "--query"}, paramLabel = "TEXT", description = "A further instruction.")
        String query;
        @Option(names = "--file", paramLabel = "FILE", description = "A file for the job (repeatable).")
        List<String> files = new ArrayList<>();
        @Option(names = "--upload", paramLabel = "LOCAL[=REMOTE]", description = Uploads.HELP)
        List<String> uploads = new ArrayList<>();
        @Option(names = {"-p", "--provider"}, paramLabel = "NAME", description = "Switch the model provider.")
        String provider;
        @Option(names = "--model", paramLabel = "NAME", description = "Switch the model.")
        String model;
        @Option(names = "--max-steps", paramLabel = "N", description = "Steps to add to the budget.")
        Integer maxSteps;
        @Option(names = {"-f", "--follow"}, description = "Stream the new checkpoints until the job stops again.")
        boolean follow;

        @Override
        int run(PerstackClient client, Output out) {
            if (answer != null && query != null) {
                throw new UsageException("give --answer or --query, not both");
            }
            ContinueJobInput.Builder b = ContinueJobInput.builder().files(files);
            if (answer != null) {
                b.query(answer).interactiveToolCallResult(true);
            } else if (query != null) {
                b.query(query);
            }
            if (provider != null) {
                b.provider(provider);
            }
            if (model != null) {
                b.model(model);
            }
            if (maxSteps != null) {
                b.maxSteps(maxSteps);
            }
            Uploads.Staging staged = Uploads.stage(client, uploads);
            if (staged.error() != null) {
                return out.error(staged.error());
            }
            staged.uploads().forEach(u -> b.addUpload(u.path(), u.uploadId()));
            // Read where the job stands before continuing it, so that no new checkpoint is missed.
            long after = follow ? JobFollower.lastSequence(client, id) : 0;
            ApiResult<JobResponse> r = client.jobs().continueJob(id, b.build());
            if (!r.ok()) {
                Uploads.discard(client, staged.uploads());
            }
            if (!follow || !r.ok()) {
                return item(out, r);
            }
            Job job = r.data().data().job();
            if (out.json()) {
                out.printJsonLine(r.data().json());
            } else {
                out.out().println("Continued job " + job.id());
            }
            return follow(client, out, job, after);
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a queued, running or paused job.",
            footerHeading = "%nExample:%n", footer = "  perstack jobs cancel JOB_ID")
    static final class CancelJob extends ApiCommand {
        @Parameters(paramLabel = "JOB_ID")
        String id;

        @Override
        int run(PerstackClient client, Output out) {
            return item(out, client.jobs().cancel(id));
        }
    }
}
