package ai.perstack.testkit;

import ai.perstack.client.AutoPager;
import ai.perstack.client.PerstackClient;
import ai.perstack.client.applications.Application;
import ai.perstack.client.applications.ListApplicationsParams;
import ai.perstack.client.experts.ExpertDraft;
import ai.perstack.client.experts.ExpertScope;
import ai.perstack.client.experts.ListDraftsParams;
import ai.perstack.client.experts.ListExpertsParams;
import ai.perstack.client.jobs.Checkpoint;
import ai.perstack.client.jobs.Job;
import ai.perstack.client.jobs.JobStatus;
import ai.perstack.client.jobs.ListCheckpointsParams;
import ai.perstack.client.jobs.ListJobsParams;
import ai.perstack.client.jobs.StartJobInput;
import ai.perstack.client.listener.PerstackListener;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Auto-pagination against the real platform: whatever the page size and the first offset, every
 * list call's pager yields each item from that offset on exactly once, in the list's order, makes
 * no more calls than there are pages, and its asynchronous form yields the same.
 */
class AutoPaginationPropertiesTest {
    private static final int APPLICATIONS = 17;
    private static final int JOBS = 7;
    private static final int SCOPES = 6;
    private static final int DRAFTS = 5;
    private static final AtomicInteger CALLS = new AtomicInteger();
    private static LocalPerstack local;
    private static PerstackClient client;
    private static String longJob;

    @BeforeContainer
    static void fillThePlatform() {
        local = LocalPerstack.start();
        client = PerstackClient.builder().apiKey(local.apiKey()).baseUrl(local.baseUrl())
                .listener(new PerstackListener() {
                    @Override
                    public void onCallStart(CallStart event) {
                        CALLS.incrementAndGet();
                    }
                }).build();
        String app = null;
        for (int i = 0; i < APPLICATIONS; i++) {
            app = local.createApplication("app-" + i).id();
        }
        for (int i = 0; i < SCOPES; i++) {
            local.publishExpert("@local/pager-" + i, "1.0.0", "parallel-expert.toml", app);
        }
        for (int i = 1; i < DRAFTS; i++) {
            local.publishExpert("@local/pager-0", "1.0." + i, "parallel-expert.toml", app);
        }
        for (int i = 0; i < JOBS; i++) {
            String query = i == 0 ? "/steps 20\nCount to twenty" : "Say " + i;
            Job done = client.jobs().session().build().start(StartJobInput.builder().applicationId(app)
                    .expertKey("@local/pager-" + (i % SCOPES)).provider("mock").query(query).build()).orElseThrow();
            assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
            if (i == 0) {
                longJob = done.id();
            }
        }
    }

    @AfterContainer
    static void stop() {
        client.close();
        local.close();
    }

    /** Checks a pager against the whole list fetched in one page. */
    private static <T> void check(List<T> all, int start, int pageSize, Function<T, String> id, AutoPager<T> pager) {
        List<String> expected = all.stream().skip(start).map(id).toList();
        CALLS.set(0);
        List<String> got = pager.stream().map(id).toList();
        int calls = CALLS.get();
        assertThat(got).containsExactlyElementsOf(expected);
        int pages = Math.max(1, (expected.size() + pageSize - 1) / pageSize);
        assertThat(calls).as("calls for %d items in pages of %d", expected.size(), pageSize).isEqualTo(pages);
        assertThat(pager.toListAsync().join().orElseThrow().stream().map(id).toList()).containsExactlyElementsOf(expected);
    }

    @Property(tries = 25)
    void applications(@ForAll @IntRange(min = 1, max = 20) int pageSize, @ForAll @IntRange(min = 0, max = 20) int start) {
        List<Application> all = client.applications().list(ListApplicationsParams.builder().take(100).sort("name").order("asc").build())
                .orElseThrow().data().applications();
        assertThat(all).hasSize(APPLICATIONS);
        ListApplicationsParams params = ListApplicationsParams.builder().take(pageSize).skip(start).sort("name").order("asc").build();
        check(all, start, pageSize, Application::id, client.applications().listAll(params, null));
        // The asynchronous client's pager: each page's future completes on an HTTP thread.
        List<String> viaAsync = client.async().applications().listAll(params, null).toListAsync().join().orElseThrow()
                .stream().map(Application::id).toList();
        assertThat(viaAsync).containsExactlyElementsOf(all.stream().skip(start).map(Application::id).toList());
    }

    @Property(tries = 15)
    void jobs(@ForAll @IntRange(min = 1, max = 8) int pageSize, @ForAll @IntRange(min = 0, max = 8) int start) {
        List<Job> all = client.jobs().list(ListJobsParams.builder().take(100).build()).orElseThrow().data().jobs();
        assertThat(all).hasSize(JOBS);
        check(all, start, pageSize, Job::id, client.jobs().listAll(ListJobsParams.builder().take(pageSize).skip(start).build(), null));
    }

    @Property(tries = 15)
    void checkpoints(@ForAll @IntRange(min = 1, max = 25) int pageSize, @ForAll @IntRange(min = 0, max = 25) int start) {
        List<Checkpoint> all = client.jobs().checkpoints().list(longJob, ListCheckpointsParams.builder().take(100).build())
                .orElseThrow().data().checkpoints();
        assertThat(all).hasSizeGreaterThan(20);
        check(all, start, pageSize, Checkpoint::id, client.jobs().checkpoints().listAll(longJob,
                ListCheckpointsParams.builder().take(pageSize).skip(start).build(), null));
    }

    @Property(tries = 15)
    void expertScopes(@ForAll @IntRange(min = 1, max = 7) int pageSize, @ForAll @IntRange(min = 0, max = 7) int start) {
        List<ExpertScope> all = client.experts().list(ListExpertsParams.builder().limit(100).build()).orElseThrow().data().experts();
        assertThat(all).hasSize(SCOPES);
        check(all, start, pageSize, ExpertScope::scopeName, client.experts().listAll(
                ListExpertsParams.builder().limit(pageSize).offset(start).build(), null));
    }

    @Property(tries = 10)
    void drafts(@ForAll @IntRange(min = 1, max = 6) int pageSize, @ForAll @IntRange(min = 0, max = 6) int start) {
        List<ExpertDraft> all = client.experts().drafts().list("@local/pager-0", ListDraftsParams.of(100, 0))
                .orElseThrow().data().drafts();
        assertThat(all).hasSize(DRAFTS);
        check(all, start, pageSize, ExpertDraft::id, client.experts().drafts().listAll("@local/pager-0",
                ListDraftsParams.of(pageSize, start), null));
    }

    @Property(tries = 3)
    void withoutAPageSizeTheServersDefaultIsUsed(@ForAll @IntRange(min = 0, max = 5) int unused) {
        List<String> all = client.applications().list(ListApplicationsParams.builder().take(100).build())
                .orElseThrow().data().applications().stream().map(Application::id).toList();
        assertThat(client.applications().listAll().stream().map(Application::id).toList()).containsExactlyElementsOf(all);
    }
}
