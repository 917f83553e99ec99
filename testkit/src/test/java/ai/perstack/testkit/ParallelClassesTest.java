package ai.perstack.testkit;

import ai.perstack.client.PerstackClient;
import ai.perstack.client.applications.Application;
import ai.perstack.client.experts.ExpertDefinition;
import ai.perstack.client.experts.ExpertScope;
import ai.perstack.client.experts.ListExpertsParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three test classes that JUnit runs at the same time (parallel execution is on for this module,
 * see junit-platform.properties). Each waits until all three hold a running platform, so they
 * provably overlap, then writes the same names into its own: every platform must see exactly
 * its own data.
 */
@Execution(ExecutionMode.CONCURRENT)
class ParallelClassesTest {
    private static final int CLASSES = 3;
    private static final CountDownLatch ALL_RUNNING = new CountDownLatch(CLASSES);
    private static final Map<String, String> BASE_URL_BY_CLASS = new ConcurrentHashMap<>();
    private static final Map<String, String> API_KEY_BY_CLASS = new ConcurrentHashMap<>();
    private static final Set<String> THREADS = ConcurrentHashMap.newKeySet();

    /** What each class does with its own platform while the others do the same with theirs. */
    static void useThePlatformWhileTheOthersRun(String name, LocalPerstack local, PerstackClient client)
            throws InterruptedException {
        BASE_URL_BY_CLASS.put(name, local.baseUrl());
        API_KEY_BY_CLASS.put(name, local.apiKey());
        THREADS.add(Thread.currentThread().getName());
        ALL_RUNNING.countDown();
        assertThat(ALL_RUNNING.await(60, TimeUnit.SECONDS))
                .as("all %d classes had a running platform at the same time", CLASSES).isTrue();

        // Same names in every platform: no clash, and no platform sees another's data.
        for (int i = 0; i < 5; i++) {
            local.createApplication("shared name " + i);
        }
        Application app = local.createApplication("owned by " + name);
        ExpertDefinition published = local.publishExpert("@local/parallel", "1.0.0",
                name.endsWith("A") ? "writer.json" : "parallel-expert.toml", app.id());
        assertThat(published.scopeName()).isEqualTo("@local/parallel");

        List<Application> apps = client.applications().list().orElseThrow().data().applications();
        assertThat(apps).extracting(Application::name).hasSize(6).contains("owned by " + name)
                .filteredOn(n -> n.startsWith("owned by ")).containsExactly("owned by " + name);
        List<ExpertScope> scopes = client.experts().list(ListExpertsParams.none()).orElseThrow().data().experts();
        assertThat(scopes).extracting(ExpertScope::scopeName).containsExactly("@local/parallel");
    }

    @AfterAll
    static void everyClassHadItsOwnPlatform() {
        assertThat(BASE_URL_BY_CLASS).hasSize(CLASSES);
        assertThat(Set.copyOf(BASE_URL_BY_CLASS.values())).hasSize(CLASSES);
        assertThat(Set.copyOf(API_KEY_BY_CLASS.values())).hasSize(CLASSES);
        assertThat(THREADS).hasSize(CLASSES);
    }

    @Nested
    @PerstackLocal
    @Execution(ExecutionMode.CONCURRENT)
    class ClassA {
        @Test
        void runsBesideTheOthers(LocalPerstack local, PerstackClient client) throws InterruptedException {
            useThePlatformWhileTheOthersRun("ClassA", local, client);
        }
    }

    @Nested
    @PerstackLocal
    @Execution(ExecutionMode.CONCURRENT)
    class ClassB {
        @Test
        void runsBesideTheOthers(LocalPerstack local, PerstackClient client) throws InterruptedException {
            useThePlatformWhileTheOthersRun("ClassB", local, client);
        }
    }

    @Nested
    @PerstackLocal
    @Execution(ExecutionMode.CONCURRENT)
    class ClassC {
        @Test
        void runsBesideTheOthers(LocalPerstack local, PerstackClient client) throws InterruptedException {
            useThePlatformWhileTheOthersRun("ClassC", local, client);
        }
    }
}
