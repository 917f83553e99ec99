package ai.perstack.console;

import static org.assertj.core.api.Assertions.assertThat;

import ai.perstack.client.jobs.Job;
import ai.perstack.client.jobs.JobStatus;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A stream dropped by the network: the page connects again with Last-Event-ID and misses nothing. */
class StreamResumeTest extends ConsoleTestBase {
    private static final Pattern LAST_EVENT_ID = Pattern.compile("(?im)^Last-Event-ID: (\\d+)$");

    @Test
    void aDroppedStreamResumesAfterTheLastCheckpointDrawn() throws Exception {
        String appId = application("resume").id();
        publishVersion("@local/steady", appId, "1.0.0", "Takes its time", expert("main", "Steady", "Slow", List.of()));
        try (DroppingProxy proxy = new DroppingProxy(perstack.platform().port())) {
            Job job = startJob(appId, "@local/steady@1.0.0", "/steps 40\n/sleep 250\nCount slowly");
            browser.open(proxy.baseUrl() + "/console/#key=" + perstack.apiKey() + "&jobs/" + job.id());
            for (int drop = 1; drop <= 2; drop++) {
                int seen = browser.all("li.step").size();
                browser.waitFor(d -> browser.all("li.step").size() >= seen + 3);
                assertThat(proxy.dropStreams()).as("stream connections cut").isEqualTo(1);
            }
            browser.findWithText("li.step[data-type=complete]", "Done: Count slowly");
            Job done = awaitStatus(job.id(), JobStatus.COMPLETED);

            List<Integer> drawn = browser.all("li.step").stream().map(e -> Integer.parseInt(e.getAttribute("data-seq"))).toList();
            assertThat(drawn).containsExactlyElementsOf(IntStream.rangeClosed(1, (int) done.totalSteps()).boxed().toList());
            List<Integer> resumedAfter = proxy.requestHeads().stream().filter(h -> h.contains("/checkpoints/stream"))
                    .map(LAST_EVENT_ID::matcher).filter(Matcher::find).map(m -> Integer.parseInt(m.group(1))).toList();
            assertThat(resumedAfter).as("Last-Event-ID of the reconnections").hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(n -> assertThat(n).isPositive()).isSorted();
            assertThat(browser.text("[data-testid=stream-state]")).isEqualTo("ended");
        }
    }
}
