package ai.perstack.examples;

import ai.perstack.client.ApiResult;
import ai.perstack.client.PerstackClient;
import ai.perstack.client.applications.Application;
import ai.perstack.client.applications.CreateApplicationInput;
import ai.perstack.client.jobs.Activity;
import ai.perstack.client.jobs.Checkpoint;
import ai.perstack.client.jobs.CheckpointStream;
import ai.perstack.client.jobs.ContinueJobInput;
import ai.perstack.client.jobs.Job;
import ai.perstack.client.jobs.JobStatus;
import ai.perstack.client.jobs.StartJobInput;

import java.util.Optional;

/**
 * The interactive-tool loop: run a job until it stops to ask the user something (status
 * {@code stoppedByInteractiveTool}), answer with {@code continueJob}, and go on until it ends.
 * With the {@code mock} provider the directive {@code /ask TEXT} makes the expert ask TEXT
 * through its interactive skill. The answer is the first argument, or a default.
 */
public final class InteractiveToolLoop {
    private InteractiveToolLoop() {
    }

    public static void main(String[] args) {
        String answer = args.length > 0 ? args[0] : "The Baltic Sea";
        try (ExamplePlatform platform = ExamplePlatform.connect()) {
            run(platform.client(), ExamplePlatform.scope("asking-writer"), answer);
        }
    }

    static void run(PerstackClient client, String scope, String answer) {
        Application app = client.applications().create(CreateApplicationInput.builder().name("interactive").build())
                .orElseThrow().data().application();
        DemoExpert.publish(client, scope, app.id(), "1.0.0");

        Job job = client.jobs().start(StartJobInput.builder()
                .applicationId(app.id())
                .expertKey(scope + "@1.0.0")
                .provider("mock")
                .query("/ask Which sea should the haiku be about?\nWrite a haiku about a sea")
                .build()).orElseThrow().data().job();

        long seen = 0;
        while (true) {
            Round round = follow(client, job.id(), seen);
            seen = round.lastSequence;
            if (!JobStatus.STOPPED_BY_INTERACTIVE_TOOL.equals(round.status)) {
                System.out.println("job ended: " + round.status.value());
                break;
            }
            System.out.println("answering: " + answer);
            client.jobs().continueJob(job.id(), ContinueJobInput.answer(answer)).orElseThrow();
        }
        Optional<String> result = client.jobs().get(job.id()).orElseThrow().data().job().result();
        System.out.println("result: " + result.orElse(""));
    }

    private record Round(JobStatus status, long lastSequence) {
    }

    /** Streams the job until it stops, printing checkpoints after {@code seen} (a new stream starts from the first). */
    private static Round follow(PerstackClient client, String jobId, long seen) {
        long last = seen;
        try (CheckpointStream stream = client.jobs().checkpoints().stream(jobId)) {
            for (ApiResult<Checkpoint> result : stream) {
                Checkpoint checkpoint = result.orElseThrow();
                if (checkpoint.sequence() <= seen) {
                    continue;
                }
                last = checkpoint.sequence();
                if (checkpoint.activity() instanceof Activity.InteractiveTool ask) {
                    System.out.println("the expert asks: " + ask.args().path("question").asText());
                } else {
                    System.out.println(checkpoint.sequence() + " " + StreamCheckpoints.describe(checkpoint.activity()));
                }
            }
            JobStatus status = stream.doneStatus()
                    .orElseGet(() -> client.jobs().get(jobId).orElseThrow().data().job().status());
            return new Round(status, last);
        }
    }
}
