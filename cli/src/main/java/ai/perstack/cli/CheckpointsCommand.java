package ai.perstack.cli;

import ai.perstack.client.PerstackClient;
import ai.perstack.client.jobs.Checkpoint;
import ai.perstack.client.jobs.CheckpointResponse;
import ai.perstack.client.jobs.ListCheckpointsParams;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code perstack checkpoints}: the steps a job took. */
@Command(name = "checkpoints", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "Inspect a job's checkpoints (one per step), or stream them live.",
        subcommands = {CheckpointsCommand.ListCheckpoints.class, CheckpointsCommand.GetCheckpoint.class,
                CheckpointsCommand.StreamCheckpoints.class},
        footerHeading = "%nExamples:%n",
        footer = {"  perstack checkpoints list JOB_ID", "  perstack checkpoints stream JOB_ID",
                "  perstack checkpoints stream JOB_ID --after 12 -o json     # one JSON object per line"})
final class CheckpointsCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List a job's checkpoints in order.",
            footerHeading = "%nExamples:%n", footer = {"  perstack checkpoints list JOB_ID", "  perstack checkpoints list JOB_ID --order desc --take 1 -o json"})
    static final class ListCheckpoints extends ApiCommand {
        @Parameters(paramLabel = "JOB_ID")
        String jobId;
        @Option(names = "--sort", description = "sequence or createdAt (the same order).")
        String sort;
        @Option(names = "--order", description = "asc (default) or desc.")
        String order;
        @Option(names = "--take", description = "Page size, 1..100 (default 20).")
        Integer take;
        @Option(names = "--skip", description = "Items to skip.")
        Integer skip;

        @Override
        int run(PerstackClient client, Output out) {
            ListCheckpointsParams params = new ListCheckpointsParams(take, skip, sort, order);
            return out.show(client.jobs().checkpoints().list(jobId, params), r -> r.json(), r -> {
                List<Checkpoint> cps = r.data().checkpoints();
                String root = cps.stream().filter(c -> c.sequence() == 1).map(Checkpoint::runId).findFirst().orElse(null);
                Table t = new Table("SEQ", "STATUS", "ACTIVITY", "TOKENS", "TEXT");
                cps.forEach(c -> t.row(c.sequence(), c.status().value(), c.activity().type(), Text.number(c.usage().totalTokens()),
                        (root != null && !root.equals(c.runId()) ? "[" + c.expert().key() + "] " : "")
                                + CheckpointText.summary(c.activity())));
                out.table(t, "No checkpoints.");
                Lists.more(out, cps.size(), r.meta().total(), "--skip/--take");
            }, r -> r.data().checkpoints().stream().map(Checkpoint::id).toList());
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Show one checkpoint.",
            footerHeading = "%nExample:%n", footer = "  perstack checkpoints get JOB_ID CHECKPOINT_ID -o json")
    static final class GetCheckpoint extends ApiCommand {
        @Parameters(index = "0", paramLabel = "JOB_ID")
        String jobId;
        @Parameters(index = "1", paramLabel = "CHECKPOINT_ID")
        String checkpointId;

        @Override
        int run(PerstackClient client, Output out) {
            return out.show(client.jobs().checkpoints().get(jobId, checkpointId), CheckpointResponse::json, r -> {
                Checkpoint c = r.data().checkpoint();
                List<String[]> f = new ArrayList<>();
                f.add(new String[] {"ID", c.id()});
                f.add(new String[] {"Job", c.jobId()});
                f.add(new String[] {"Run", c.runId()});
                f.add(new String[] {"Sequence", String.valueOf(c.sequence())});
                f.add(new String[] {"Step", String.valueOf(c.stepNumber())});
                f.add(new String[] {"Status", c.status().value()});
                f.add(new String[] {"Expert", c.expert().key() + " (" + c.expert().name() + ", " + c.expert().version() + ")"});
                f.add(new String[] {"Activity", c.activity().type()});
                String text = CheckpointText.summary(c.activity());
                if (!text.isEmpty()) {
                    f.add(new String[] {"Text", text});
                }
                c.activity().reasoning().ifPresent(x -> f.add(new String[] {"Reasoning", x}));
                f.add(new String[] {"Tokens", Text.number(c.usage().totalTokens()) + " (input " + Text.number(c.usage().inputTokens())
                        + ", output " + Text.number(c.usage().outputTokens()) + ")"});
                c.error().ifPresent(e -> f.add(new String[] {"Error", e.name() + ": " + e.message()}));
                f.add(new String[] {"Started", Text.time(c.startedAt())});
                c.finishedAt().ifPresent(x -> f.add(new String[] {"Finished", Text.time(x)}));
                Table.fields(out.out(), f);
            }, r -> List.of(r.data().checkpoint().id()));
        }
    }

    @Command(name = "stream", mixinStandardHelpOptions = true,
            description = {"Stream a job's checkpoints live until the job stops: stored ones first, then new ones as they happen.",
                    "With -o json, each checkpoint is one JSON object on its own line."},
            footerHeading = "%nExamples:%n",
            footer = {"  perstack checkpoints stream JOB_ID", "  perstack checkpoints stream JOB_ID --after 5 -o json",
                    "", "Exit code: 0 when the job completes or waits for an answer, 3 when it stops otherwise."})
    static final class StreamCheckpoints extends ApiCommand {
        @Parameters(paramLabel = "JOB_ID")
        String jobId;
        @Option(names = "--after", paramLabel = "SEQ", description = "Start after this sequence number (sent as Last-Event-ID).")
        long after;

        @Override
        int run(PerstackClient client, Output out) {
            if (after < 0) {
                throw new UsageException("--after must be >= 0");
            }
            JobFollower.Outcome o = new JobFollower(out, "").follow(client, jobId, after);
            if (o.error() != null) {
                return out.error(o.error());
            }
            if (!out.json() && o.status() != null) {
                out.out().println("Job " + jobId + ": " + o.status().value());
            }
            return ExitCodes.of(o.status());
        }
    }
}
