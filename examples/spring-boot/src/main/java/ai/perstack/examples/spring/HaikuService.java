package ai.perstack.examples.spring;

import ai.perstack.client.PerstackClient;
import ai.perstack.client.jobs.Job;
import ai.perstack.client.jobs.StartJobInput;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Writes haikus with a Perstack expert, through the auto-configured client and a job session. */
@Service
public class HaikuService {
    private final PerstackClient client;

    public HaikuService(PerstackClient client) {
        this.client = client;
    }

    /** The outcome of one job: the final job and what happened on the way. */
    public record Haiku(Job job, List<String> steps) {
    }

    /**
     * Runs the expert on {@code topic} until it completes, answering its questions with {@code answers}.
     */
    public Haiku write(String applicationId, String expertKey, String topic, Function<String, String> answers) {
        List<String> steps = new ArrayList<>();
        Job job = client.jobs().session()
                .onCheckpoint(checkpoint -> steps.add(checkpoint.activity().type()))
                .answer(question -> answers.apply(question.args().path("question").asText()))
                .build()
                .start(StartJobInput.builder()
                        .applicationId(applicationId)
                        .expertKey(expertKey)
                        .provider(System.getenv().getOrDefault("PERSTACK_PROVIDER", "mock"))
                        .query("Write a haiku about " + topic)
                        .build())
                .orElseThrow();
        return new Haiku(job, steps);
    }

    /** The names of every application, page after page. */
    public List<String> applicationNames() {
        return client.applications().listAll().stream().map(app -> app.name()).toList();
    }
}
