package ai.perstack.console;

import static org.assertj.core.api.Assertions.assertThat;

import ai.perstack.client.jobs.Job;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a page load of the job view costs, measured in the browser with the Navigation, Resource
 * and User Timing APIs: requests, bytes, and the time to the first checkpoint drawn, cold (a new
 * browser profile) and warm (a reload, files revalidated). The figures go to target/page-load.txt;
 * the test asserts only what must hold: every request goes to the platform's own origin.
 */
class PageLoadTest extends ConsoleTestBase {
    private static final String MEASURE = """
            const nav = performance.getEntriesByType('navigation')[0];
            const res = performance.getEntriesByType('resource');
            const mark = performance.getEntriesByName('perstack:first-checkpoint')[0];
            return {
              requests: 1 + res.length,
              transferBytes: nav.transferSize + res.reduce((s, r) => s + r.transferSize, 0),
              bodyBytes: nav.decodedBodySize + res.reduce((s, r) => s + r.decodedBodySize, 0),
              domContentLoaded: Math.round(nav.domContentLoadedEventEnd),
              firstCheckpoint: mark ? Math.round(mark.startTime) : -1,
              urls: [nav.name].concat(res.map(r => r.name + ' ' + r.transferSize)),
            };""";

    @Test
    void aJobViewLoadIsMeasured() throws Exception {
        String appId = application("Measured").id();
        publishVersion("@local/measured", appId, "1.0.0", "Measured", expert("main", "Measured", "Runs", List.of()));
        StringBuilder report = new StringBuilder();
        try (Browser cold = Browser.start()) {
            for (String load : List.of("cold", "warm")) {
                Job job = startJob(appId, "@local/measured@1.0.0", "/steps 5\n/sleep 200\nMeasure me");
                String url = perstack.consoleUrl() + "&jobs/" + job.id();
                if (load.equals("cold")) {
                    cold.open(url);
                } else {
                    cold.open(perstack.baseUrl() + "/console/#/jobs/" + job.id());
                    cold.driver.navigate().refresh();
                }
                cold.findWithText("li.step[data-type=complete]", "Done: Measure me");
                cold.findWithText("[data-testid=stream-state]", "ended");
                Map<String, Object> m = cold.scriptMap(MEASURE);
                report.append(load).append(": requests ").append(m.get("requests")).append(", transferred ")
                        .append(m.get("transferBytes")).append(" B, files ").append(m.get("bodyBytes"))
                        .append(" B, DOMContentLoaded ").append(m.get("domContentLoaded")).append(" ms, first checkpoint drawn ")
                        .append(m.get("firstCheckpoint")).append(" ms\n");
                @SuppressWarnings("unchecked")
                List<String> urls = (List<String>) m.get("urls");
                // The key in the first address is the browser's own (the fragment is never sent): kept out of the report.
                urls.forEach(u -> report.append("  ").append(u.replaceAll("#key=[^&]*", "#key=…")).append('\n'));
                assertThat(urls).allSatisfy(u -> assertThat(u).startsWith(perstack.baseUrl() + "/"));
                assertThat((Long) m.get("firstCheckpoint")).isPositive();
            }
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "page-load.txt"), report);
        System.out.println(report);
    }
}
