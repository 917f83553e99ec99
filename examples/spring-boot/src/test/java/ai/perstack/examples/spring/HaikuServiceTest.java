package ai.perstack.examples.spring;

import ai.perstack.client.jobs.JobStatus;
import ai.perstack.spring.boot.test.PerstackLocalPlatform;
import ai.perstack.testkit.LocalPerstack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole application against an in-process platform: no URL or key written anywhere. */
@SpringBootTest
@PerstackLocalPlatform
class HaikuServiceTest {
    @Autowired
    HaikuService haikus;
    @Autowired
    LocalPerstack local;

    @Test
    void writesAHaikuAnsweringTheExpertsQuestion() {
        String app = local.createApplication("haikus").id();
        local.publishExpert("@local/haiku", "1.0.0", "writer.json", app);
        List<String> asked = new ArrayList<>();

        HaikuService.Haiku haiku = haikus.write(app, "@local/haiku", "a sea\n/ask Which sea?", question -> {
            asked.add(question);
            return "The Baltic Sea";
        });

        assertThat(asked).containsExactly("Which sea?");
        assertThat(haiku.job().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(haiku.job().result()).hasValueSatisfying(result -> assertThat(result).contains("The Baltic Sea"));
        assertThat(haiku.steps()).contains("query", "interactiveTool", "complete");
        assertThat(haikus.applicationNames()).contains("haikus");
    }
}
