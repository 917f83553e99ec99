package ai.perstack.examples;

import ai.perstack.client.ApiResult;
import ai.perstack.client.PerstackClient;
import ai.perstack.client.applications.Application;
import ai.perstack.client.applications.CreateApplicationInput;
import ai.perstack.client.jobs.Activity;
import ai.perstack.client.jobs.Job;
import ai.perstack.client.jobs.StartJobInput;

/**
 * Starts a job and prints its checkpoints as they happen. The {@code mock} provider of the local
 * platform needs no model: here it takes five working steps, 100 ms each. Against the real API,
 * set {@code PERSTACK_PROVIDER} (e.g. {@code anthropic}) and drop the directives.
 */
public final class StreamCheckpoints {
    private StreamCheckpoints() {
    }

    public static void main(String[] args) {
        try (ExamplePlatform platform = ExamplePlatform.connect()) {
            run(platform.client(), ExamplePlatform.scope("streaming-writer"));
        }
    }

    static void run(PerstackClient client, String scope) {
        Application app = client.applications().create(CreateApplicationInput.builder().name("streaming").build())
                .orElseThrow().data().application();
        DemoExpert.publish(client, scope, app.id(), "1.0.0");

        // A job session starts the job, hands over every checkpoint once (also across reconnects)
        // and returns the job as it finally stopped.
        ApiResult<Job> result = client.jobs().session()
                .onCheckpoint(checkpoint -> System.out.println(
                        checkpoint.sequence() + " " + checkpoint.status().value() + " " + describe(checkpoint.activity())))
                .build()
                .start(StartJobInput.builder()
                        .applicationId(app.id())
                        .expertKey(scope + "@1.0.0")
                        .provider(System.getenv().getOrDefault("PERSTACK_PROVIDER", "mock"))
                        .query("/steps 5\n/sleep 100\nWrite a haiku about the sea")
                        .build());
        if (!result.ok()) {
            System.err.println("job failed: " + result.error().message());
            return;
        }
        Job finished = result.data();
        System.out.println("job ended: " + finished.status().value());
        System.out.println("result: " + finished.result().orElse("") + " (" + finished.usage().totalTokens() + " tokens)");
    }

    static String describe(Activity activity) {
        if (activity instanceof Activity.Query q) {
            return "query: " + q.text().lines().reduce((a, b) -> b).orElse("");
        } else if (activity instanceof Activity.GeneralTool tool) {
            return tool.toolName() + ": " + tool.result().map(r -> r.path(0).path("text").asText()).orElse("");
        } else if (activity instanceof Activity.InteractiveTool tool) {
            return "asks: " + tool.args().path("question").asText();
        } else if (activity instanceof Activity.Complete c) {
            return "complete: " + c.text();
        }
        return activity.type();
    }
}
