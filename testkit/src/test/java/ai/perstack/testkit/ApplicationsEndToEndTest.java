package ai.perstack.testkit;

import ai.perstack.client.ApiResult;
import ai.perstack.client.NotFoundException;
import ai.perstack.client.PerstackClient;
import ai.perstack.client.applications.Application;
import ai.perstack.client.applications.ApplicationStatus;
import ai.perstack.client.applications.CreateApplicationInput;
import ai.perstack.client.applications.ListApplicationsParams;
import ai.perstack.client.applications.ListApplicationsResponse;
import ai.perstack.client.applications.UpdateApplicationInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PerstackLocal
class ApplicationsEndToEndTest {

    @Test
    void createGetUpdateListAndDeleteThroughTheClient(PerstackClient client) {
        Application created = client.applications().create(CreateApplicationInput.builder().name("e2e Alpha").build())
                .orElseThrow().data().application();
        assertThat(created.id()).matches("[a-z0-9]{24}");
        assertThat(created.status()).isEqualTo(ApplicationStatus.ACTIVE);

        assertThat(client.applications().get(created.id()).orElseThrow().data().application().name()).isEqualTo("e2e Alpha");

        Application updated = client.applications().update(created.id(),
                UpdateApplicationInput.builder().name("e2e Beta").status(ApplicationStatus.INACTIVE).build())
                .orElseThrow().data().application();
        assertThat(updated.name()).isEqualTo("e2e Beta");
        assertThat(updated.status()).isEqualTo(ApplicationStatus.INACTIVE);

        ApiResult<ListApplicationsResponse> page = client.applications().list(
                ListApplicationsParams.builder().name("E2E B").sort("name").order("asc").take(10).build());
        assertThat(page.data().data().applications()).extracting(Application::id).containsExactly(created.id());
        assertThat(page.data().meta().total()).isEqualTo(1);
        assertThat(page.data().meta().take()).hasValue(10);

        assertThat(client.applications().delete(created.id()).orElseThrow().data().application().id()).isEqualTo(created.id());
        assertThatThrownBy(() -> client.applications().get(created.id()).orElseThrow()).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anotherOrganizationSeesNotFound(LocalPerstack local, PerstackClient client) {
        Application mine = local.createApplication("private app");
        PerstackClient other = local.clientFor("other-org");
        assertThat(other.applications().get(mine.id()).error().code()).isEqualTo(404);
        assertThat(other.applications().delete(mine.id()).error().code()).isEqualTo(404);
        assertThat(other.applications().list().orElseThrow().data().applications()).extracting(Application::id)
                .doesNotContain(mine.id());
        assertThat(client.applications().get(mine.id()).ok()).isTrue();
    }

    @Test
    void serverValidationErrorsNameTheField(PerstackClient client) {
        var result = client.applications().create(CreateApplicationInput.builder().name("x".repeat(256)).build());
        // The client catches this before the network; the server would say the same.
        assertThat(result.error().code()).isZero();
        assertThat(result.error().reason()).isEqualTo(java.util.Map.of("name", "must be 1..255 characters"));
    }

    @Test
    void asyncTwinsWorkAgainstTheServer(PerstackClient client) throws Exception {
        var created = client.async().applications().create(CreateApplicationInput.builder().name("async one").build())
                .thenCompose(r -> client.async().applications().get(r.data().data().application().id()))
                .get();
        assertThat(created.data().data().application().name()).isEqualTo("async one");
    }
}
