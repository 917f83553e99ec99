package ai.perstack.examples;

import ai.perstack.client.PerstackClient;
import ai.perstack.client.applications.Application;
import ai.perstack.client.applications.CreateApplicationInput;
import ai.perstack.client.experts.AssignVersionInput;
import ai.perstack.client.experts.CreateDraftInput;
import ai.perstack.client.experts.ExpertDefinition;
import ai.perstack.client.experts.ExpertDraft;
import ai.perstack.client.experts.ExpertVersion;
import ai.perstack.client.experts.UpdateDraftInput;

/**
 * Publishing an expert: a draft, a version (which {@code latest} follows), a changed draft as a
 * pre-release under the tag {@code beta}, and reading each back by version and by tag.
 */
public final class PublishExpert {
    private PublishExpert() {
    }

    public static void main(String[] args) {
        try (ExamplePlatform platform = ExamplePlatform.connect()) {
            run(platform.client(), ExamplePlatform.scope("haiku-writer"));
        }
    }

    static void run(PerstackClient client, String scope) {
        Application app = client.applications().create(CreateApplicationInput.builder().name("publishing").build())
                .orElseThrow().data().application();

        // 1. A draft: the experts of the definition, the coordinator first.
        ExpertDraft draft = client.experts().drafts().create(scope, CreateDraftInput.builder()
                .applicationId(app.id())
                .addExpert(DemoExpert.writer("You write haiku."))
                .category("writing")
                .description("Writes haiku")
                .build()).orElseThrow().data().draft();
        System.out.println("draft " + draft.id() + " of " + draft.scopeName());

        // 2. A version. Without a tag, 'latest' moves to it.
        ExpertVersion v1 = client.experts().drafts().assignVersion(scope, draft.id(), AssignVersionInput.of("1.0.0"))
                .orElseThrow().data().version();
        System.out.println("version " + v1.version() + " tags " + v1.tags());

        // 3. Change the draft and publish a pre-release under the tag 'beta'; 'latest' stays on 1.0.0.
        client.experts().drafts().update(scope, draft.id(),
                UpdateDraftInput.of(DemoExpert.writer("You write haiku about the sea."))).orElseThrow();
        ExpertVersion beta = client.experts().drafts().assignVersion(scope, draft.id(),
                AssignVersionInput.of("1.1.0-beta.1", "beta")).orElseThrow().data().version();
        System.out.println("version " + beta.version() + " tags " + beta.tags());

        // 4. Read back: by tag, by exact version, and the list of versions.
        ExpertDefinition latest = client.experts().get(scope + "@latest").orElseThrow().data().definition();
        ExpertDefinition tagged = client.experts().get(scope + "@beta").orElseThrow().data().definition();
        System.out.println("latest is " + latest.version() + ", beta is " + tagged.version());
        client.experts().versions().list(scope).orElseThrow().data().versions()
                .forEach(v -> System.out.println("  " + v.version() + " " + v.tags()));
    }
}
