package ai.perstack.examples;

import ai.perstack.client.PerstackClient;
import ai.perstack.client.applications.Application;
import ai.perstack.client.applications.CreateApplicationInput;
import ai.perstack.client.jobs.Activity;
import ai.perstack.client.jobs.Job;
import ai.perstack.client.jobs.StartJobInput;

/**
 * The interactive-tool loop: run a job until it stops to ask the user something (status
 * {@code stoppedByInteractiveTool}), answer, and go on until it ends — all in one job session.
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

        // One call runs the job to its end: each checkpoint is printed, each question answered.
        Job done = client.jobs().session()
                .onCheckpoint(checkpoint -> {
                    if (checkpoint.activity() instanceof Activity.InteractiveTool ask) {
                        System.out.println("the expert asks: " + ask.args().path("question").asText());
                    } else {
                        System.out.println(checkpoint.sequence() + " " + StreamCheckpoints.describe(checkpoint.activity()));
                    }
                })
                .answer(question -> {
                    System.out.println("answering: " + answer);
                    return answer;
                })
                .build()
                .start(StartJobInput.builder()
                        .applicationId(app.id())
                        .expertKey(scope + "@1.0.0")
                        .provider("mock")
                        .query("/ask Which sea should the haiku be about?\nWrite a haiku about a sea")
                        .build())
                .orElseThrow();
        System.out.println("job ended: " + done.status().value());
        System.out.println("result: " + done.result().orElse(""));
    }
}
