package ai.perstack.examples;

import ai.perstack.client.ApiResult;
import ai.perstack.testkit.LocalPerstack;
import ai.perstack.testkit.PerstackLocal;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs every example's {@code main} as a user would, against a fresh platform from the testkit
 * (handed over through the {@code perstack.baseUrl} / {@code perstack.apiKey} system properties
 * that {@code PerstackClient.fromEnv()} reads), and checks what it printed.
 */
@PerstackLocal(lifecycle = PerstackLocal.Lifecycle.PER_METHOD)
class ExamplesTest {

    @Test
    void quickStart(LocalPerstack local) {
        String out = runMain(local, () -> QuickStart.main(new String[0]));
        assertThat(out)
                .contains("created application quick-start")
                .contains("applications named like 'quick': 1")
                .contains("variable GREETING = hello")
                .contains("get an unknown application: 404")
                .contains("as an exception: NotFoundException")
                .contains("take(0): code 0");
    }

    @Test
    void quickStartStartsItsOwnPlatformWithoutAKey() {
        assumeTrue(System.getenv("PERSTACK_API_KEY") == null, "PERSTACK_API_KEY is set: the example would use it");
        String out = runMain(null, () -> QuickStart.main(new String[0]));
        assertThat(out).contains("Started a local Perstack platform at http://127.0.0.1:").contains("created application quick-start");
    }

    @Test
    void asyncCalls(LocalPerstack local) {
        String out = runMain(local, () -> AsyncCalls.main(new String[0]));
        assertThat(out)
                .contains("created 5 applications concurrently")
                .contains("REGION = eu-west")
                .contains("listed 5 async-* applications")
                .containsAnyOf("aborted: true", "the list finished before the abort");
    }

    @Test
    void publishExpert(LocalPerstack local) {
        String out = runMain(local, () -> PublishExpert.main(new String[0]));
        assertThat(out)
                .contains("of @local/haiku-writer")
                .contains("version 1.0.0 tags [latest]")
                .contains("version 1.1.0-beta.1 tags [beta]")
                .contains("latest is 1.0.0, beta is 1.1.0-beta.1");
    }

    @Test
    void streamCheckpoints(LocalPerstack local) {
        assumeJobs(local);
        String out = runMain(local, () -> StreamCheckpoints.main(new String[0]));
        assertThat(out)
                .contains("1 init query: Write a haiku about the sea")
                .contains("work: Working on: Write a haiku about the sea")
                .contains("job ended: completed")
                .contains("result: Done: Write a haiku about the sea");
    }

    @Test
    void interactiveToolLoop(LocalPerstack local) {
        assumeJobs(local);
        String out = runMain(local, () -> InteractiveToolLoop.main(new String[] {"The North Sea"}));
        assertThat(out)
                .contains("the expert asks: Which sea should the haiku be about?")
                .contains("answering: The North Sea")
                .contains("job ended: completed")
                .contains("(answer: The North Sea)");
    }

    /** The job examples need the platform's jobs API; skipped on a platform that does not have it yet. */
    private static void assumeJobs(LocalPerstack local) {
        ApiResult<?> jobs = local.client().jobs().list();
        assumeTrue(jobs.ok() || jobs.error().code() != 404, "this local platform has no jobs API yet");
    }

    /** Runs {@code main} connected to {@code local} (or to nothing: it then starts its own), returning its output. */
    private static synchronized String runMain(LocalPerstack local, Runnable main) {
        PrintStream originalOut = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            if (local != null) {
                System.setProperty("perstack.baseUrl", local.baseUrl());
                System.setProperty("perstack.apiKey", local.apiKey());
            }
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            main.run();
        } finally {
            System.setOut(originalOut);
            System.clearProperty("perstack.baseUrl");
            System.clearProperty("perstack.apiKey");
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        originalOut.print(out);
        return out;
    }
}
