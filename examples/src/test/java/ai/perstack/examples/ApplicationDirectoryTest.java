package ai.perstack.examples;

import ai.perstack.client.PerstackClient;
import ai.perstack.client.applications.Application;
import ai.perstack.client.experts.ExpertDefinition;
import ai.perstack.testkit.LocalPerstack;
import ai.perstack.testkit.PerstackLocal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Testing your own code with the testkit: {@code @PerstackLocal} starts a local platform for the
 * class (in-process, free port, temporary store) and injects a client connected to it.
 */
@PerstackLocal
class ApplicationDirectoryTest {

    @Test
    void createsAMissingApplicationOnce(PerstackClient client) {
        ApplicationDirectory directory = new ApplicationDirectory(client);

        Application first = directory.ensure("billing");
        Application second = directory.ensure("billing");

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(client.applications().list().orElseThrow().data().applications())
                .extracting(Application::name).containsOnlyOnce("billing");
    }

    @Test
    void findsAnExistingApplicationAmongSimilarNames(LocalPerstack local, PerstackClient client) {
        Application existing = local.createApplication("reports");     // seeding helper
        local.createApplication("reports-archive");

        assertThat(new ApplicationDirectory(client).ensure("reports").id()).isEqualTo(existing.id());
    }

    @Test
    void seedsAnExpertFromAResource(LocalPerstack local) {
        Application app = local.createApplication("reviews");
        ExpertDefinition definition = local.publishExpert("@local/reviewer", "1.0.0", "team-expert.toml", app.id());

        assertThat(definition.version()).isEqualTo("1.0.0");
        assertThat(definition.tags()).contains("latest");
    }
}
