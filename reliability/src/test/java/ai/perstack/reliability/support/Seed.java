package ai.perstack.reliability.support;

import ai.perstack.client.PerstackClient;
import ai.perstack.client.applications.Application;
import ai.perstack.client.applications.CreateApplicationInput;
import ai.perstack.client.experts.AssignVersionInput;
import ai.perstack.client.experts.CreateDraftInput;
import ai.perstack.client.experts.ExpertDraft;
import ai.perstack.client.jobs.Job;
import ai.perstack.client.jobs.StartJobInput;
import ai.perstack.testkit.LocalPerstack;
import java.time.Duration;

/** Data the tests need: an application and a published expert, then mock jobs. */
public final class Seed {
    private final PerstackClient client;
    private final String applicationId;
    private final String expertKey;

    private Seed(PerstackClient client, String applicationId, String expertKey) {
        this.client = client;
        this.applicationId = applicationId;
        this.expertKey = expertKey;
    }

    /** Creates application {@code appName} and publishes {@code @org/writer@1.0.0} in organization {@code org}. */
    public static Seed create(PerstackClient client, String org, String appName) {
        Application app = client.applications().create(CreateApplicationInput.builder().name(appName).build())
                .orElseThrow().data().application();
        String scope = "@" + org + "/writer";
        ExpertDraft draft = client.experts().drafts().create(scope, CreateDraftInput.builder().applicationId(app.id())
                .experts(LocalPerstack.readExperts("writer.json")).build()).orElseThrow().data().draft();
        client.experts().drafts().assignVersion(scope, draft.id(), AssignVersionInput.of("1.0.0")).orElseThrow();
        return new Seed(client, app.id(), scope);
    }

    /** A seed over existing data. */
    public static Seed of(PerstackClient client, String applicationId, String expertKey) {
        return new Seed(client, applicationId, expertKey);
    }

    public String applicationId() {
        return applicationId;
    }

    public String expertKey() {
        return expertKey;
    }

    /** Starts a mock job with {@code query}. */
    public Job start(String query) {
        return start(client, query);
    }

    /** Starts a mock job with {@code query} through {@code other} (same organization). */
    public Job start(PerstackClient other, String query) {
        return other.jobs().start(input(query)).orElseThrow().data().job();
    }

    public StartJobInput input(String query) {
        return StartJobInput.builder().applicationId(applicationId).expertKey(expertKey).query(query).provider("mock")
                .maxSteps(10_000).build();
    }

    /** A client of {@code baseUrl} with {@code apiKey}. */
    public static PerstackClient client(String baseUrl, String apiKey, Duration timeout, int maxRetries) {
        return PerstackClient.builder().apiKey(apiKey).baseUrl(baseUrl).timeout(timeout).maxRetries(maxRetries).build();
    }
}
