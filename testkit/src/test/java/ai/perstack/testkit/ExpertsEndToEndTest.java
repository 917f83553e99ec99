package ai.perstack.testkit;

import ai.perstack.client.PerstackClient;
import ai.perstack.client.experts.AssignVersionInput;
import ai.perstack.client.experts.CreateDraftInput;
import ai.perstack.client.experts.ExpertDefinition;
import ai.perstack.client.experts.ExpertDraft;
import ai.perstack.client.experts.ExpertScope;
import ai.perstack.client.experts.ExpertVersion;
import ai.perstack.client.experts.ListExpertsParams;
import ai.perstack.client.experts.UpdateDraftInput;
import ai.perstack.client.experts.Visibility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@PerstackLocal(lifecycle = PerstackLocal.Lifecycle.PER_METHOD)
class ExpertsEndToEndTest {

    @Test
    void draftToVersionToTagToYank(LocalPerstack local, PerstackClient client) {
        String app = local.createApplication("writers").id();
        var experts = LocalPerstack.readExperts("writer.json");
        ExpertDraft draft = client.experts().drafts().create("@local/writer",
                CreateDraftInput.builder().applicationId(app).experts(experts).category("writing").build()).orElseThrow().data().draft();
        assertThat(draft.experts()).hasSize(2);
        assertThat(client.experts().drafts().list("@local/writer").orElseThrow().data().drafts()).hasSize(1);
        assertThat(client.experts().drafts().update("@local/writer", draft.id(), UpdateDraftInput.of(experts)).ok()).isTrue();

        ExpertVersion v1 = client.experts().drafts().assignVersion("@local/writer", draft.id(), AssignVersionInput.of("1.0.0"))
                .orElseThrow().data().version();
        assertThat(v1.tags()).containsExactly("latest");
        client.experts().drafts().assignVersion("@local/writer", draft.id(), AssignVersionInput.of("1.1.0")).orElseThrow();
        client.experts().drafts().assignVersion("@local/writer", draft.id(), AssignVersionInput.of("2.0.0-beta.1", "beta")).orElseThrow();

        assertThat(client.experts().drafts().assignVersion("@local/writer", draft.id(), AssignVersionInput.of("1.0.0"))
                .error().code()).isEqualTo(409);

        ExpertDefinition latest = client.experts().get("@local/writer").orElseThrow().data().definition();
        assertThat(latest.version()).isEqualTo("1.1.0");
        assertThat(latest.experts().get(0).skills().get("ask").isInteractive()).isTrue();
        assertThat(client.experts().get("@local/writer@beta").orElseThrow().data().definition().version()).isEqualTo("2.0.0-beta.1");
        assertThat(client.experts().getMeta("@local/writer@1.0.0").orElseThrow().data().version()).isEqualTo("1.0.0");

        var yank = client.experts().yank("@local/writer@1.1.0").orElseThrow().data();
        assertThat(yank.yanked()).isTrue();
        assertThat(yank.latestTagUpdated()).isTrue();
        // latest moves to the newest remaining non-yanked version, which here is the beta.
        assertThat(client.experts().get("@local/writer").orElseThrow().data().definition().version()).isEqualTo("2.0.0-beta.1");
        assertThat(client.experts().get("@local/writer@1.1.0").orElseThrow().data().definition().yanked()).isTrue();

        assertThat(client.experts().versions().list("@local/writer").orElseThrow().data().versions())
                .extracting(ExpertVersion::version).containsExactly("2.0.0-beta.1", "1.1.0", "1.0.0");
        assertThat(client.experts().drafts().delete("@local/writer", draft.id()).ok()).isTrue();
    }

    @Test
    void publishMakesAScopeReadableByOtherOrganizationsButNotWritable(LocalPerstack local, PerstackClient client) {
        String app = local.createApplication("pub").id();
        local.publishExpert("@local/helper", "1.0.0", "writer.toml", app);
        PerstackClient other = local.clientFor("someone-else");
        assertThat(other.experts().get("@local/helper").error().code()).isEqualTo(404);

        ExpertScope scope = client.experts().publish("@local/helper").orElseThrow().data().scope();
        assertThat(scope.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(other.experts().get("@local/helper").orElseThrow().data().definition().experts().get(0).name()).isEqualTo("helper");
        assertThat(other.experts().list(ListExpertsParams.builder().filter("helper").build()).orElseThrow().data().experts())
                .extracting(ExpertScope::scopeName).contains("@local/helper");
        assertThat(other.experts().yank("@local/helper@1.0.0").error().code()).isEqualTo(403);

        assertThat(client.experts().unpublish("@local/helper").orElseThrow().data().scope().visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(other.experts().get("@local/helper").error().code()).isEqualTo(404);
    }
}
