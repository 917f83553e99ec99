package ai.perstack.reliability;

import ai.perstack.client.ApiResult;
import ai.perstack.client.PerstackClient;
import ai.perstack.client.jobs.Checkpoint;
import ai.perstack.client.jobs.CheckpointStream;
import ai.perstack.client.jobs.JobStatus;
import ai.perstack.reliability.support.Figures;
import ai.perstack.reliability.support.Platforms;
import ai.perstack.reliability.support.Seed;
import ai.perstack.server.LocalPlatform;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Idle connections, connections that trickle their request head, and uploads that trickle their
 * body: none of them holds a request thread for long or slows anyone else down, and the server
 * closes them (idle: after its idle timeout; slow bodies: 408 once they fall below the minimum
 * data rate).
 */
@Tag("long")
class SlowConnectionsTest {
    private static final String TEST = "SlowConnectionsTest";
    private static final int IDLE = 200;
    private static final int SLOW_HEADERS = 30;
    private static final int SLOW_BODIES = 30;

    @Test
    void slowAndIdleConnectionsAreTimedOutWithoutTyingUpWorkers() throws Exception {
        String apiKey = Platforms.newApiKey();
        LocalPlatform platform = Platforms.start(false, apiKey);
        List<Socket> sockets = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        try (PerstackClient client = Seed.client(platform.baseUrl(), apiKey, Duration.ofSeconds(10), 0)) {
            Seed seed = Seed.create(client, "local", "slow");
            int port = platform.port();
            List<Socket> idle = new ArrayList<>();
            for (int i = 0; i < IDLE; i++) {
                Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
                idle.add(s);
                sockets.add(s);
            }
            // Request heads that arrive one byte per second.
            List<Socket> slowHeads = new ArrayList<>();
            byte[] head = ("GET /api/v1/applications HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + apiKey
                    + "\r\nX-Slow: " + "s".repeat(200) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
            for (int i = 0; i < SLOW_HEADERS; i++) {
                Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
                slowHeads.add(s);
                sockets.add(s);
                trickle(s, head, 1, stop);
            }
            // Upload bodies that arrive 10 bytes per second.
            long uploadsStarted = System.nanoTime();
            List<Socket> slowBodies = new ArrayList<>();
            Map<Socket, CompletableFuture<String>> bodyAnswers = new ConcurrentHashMap<>();
            for (int i = 0; i < SLOW_BODIES; i++) {
                Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
                slowBodies.add(s);
                sockets.add(s);
                byte[] start = ("POST /api/v1/applications HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + apiKey
                        + "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: 100000\r\n\r\n{\"name\":\"")
                        .getBytes(StandardCharsets.ISO_8859_1);
                s.getOutputStream().write(start);
                s.getOutputStream().flush();
                byte[] body = new byte[100_000];
                Arrays.fill(body, (byte) 'x');
                trickle(s, body, 10, stop);
                bodyAnswers.put(s, readAnswer(s));
            }
            Thread.sleep(3_000);
            int tiedUp = threadsReadingBodies();
            Figures.record(TEST, "request threads held by the 30 slow uploads after 3 s (within the 5 s grace)", tiedUp);

            // Everyone else is served as usual meanwhile, and job workers run.
            long worst = 0;
            for (int i = 0; i < 50; i++) {
                long t0 = System.nanoTime();
                assertThat(client.applications().list().ok()).isTrue();
                worst = Math.max(worst, (System.nanoTime() - t0) / 1_000_000);
            }
            String jobId = seed.start("Not held up\n/steps 5").id();
            try (CheckpointStream stream = client.jobs().checkpoints().stream(jobId)) {
                List<Long> seen = new ArrayList<>();
                for (ApiResult<Checkpoint> r : stream) {
                    seen.add(r.orElseThrow().sequence());
                }
                assertThat(seen).hasSize(7);
                assertThat(stream.doneStatus()).contains(JobStatus.COMPLETED);
            }
            Figures.record(TEST, "slowest of 50 normal requests meanwhile (ms)", worst);
            assertThat(worst).isLessThan(2_000);

            // Slow uploads end with a JSON 408 well before they would finish (100 KB at 10 B/s = 10,000 s).
            int answered408 = 0;
            String example = null;
            for (CompletableFuture<String> answer : bodyAnswers.values()) {
                String text = answer.get(60, TimeUnit.SECONDS);
                example = text;
                if (text.startsWith("HTTP/1.1 408") && text.contains("\"code\":408")) {
                    answered408++;
                }
            }
            Figures.record(TEST, "slow uploads answered 408", answered408 + " of " + SLOW_BODIES + ", all within "
                    + (System.nanoTime() - uploadsStarted) / 1_000_000_000 + " s of their start");
            assertThat(answered408).as("answers like %s", example).isEqualTo(SLOW_BODIES);
            assertThat(threadsReadingBodies()).isZero();
            Figures.record(TEST, "request threads held by slow uploads after their 408", 0);

            // Idle connections are closed by the server after its idle timeout.
            long t0 = System.nanoTime();
            int closed = 0;
            for (Socket s : idle) {
                s.setSoTimeout(60_000);
                try {
                    if (s.getInputStream().read() < 0) {
                        closed++;
                    }
                } catch (IOException e) {
                    closed++;
                }
            }
            long seconds = (System.nanoTime() - t0) / 1_000_000_000;
            Figures.record(TEST, "idle connections closed by the server", closed + " of " + IDLE + " (within " + (seconds + 3) + " s)");
            assertThat(closed).isEqualTo(IDLE);
        } finally {
            stop.set(true);
            for (Socket s : sockets) {
                try {
                    s.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
            platform.close();
        }
    }

    /** Writes {@code bytes} at {@code perSecond} bytes per second until done, stopped, or the server closes. */
    private static void trickle(Socket s, byte[] bytes, int perSecond, AtomicBoolean stop) {
        Thread t = new Thread(() -> {
            try {
                OutputStream out = s.getOutputStream();
                for (int i = 0; i < bytes.length && !stop.get(); i += perSecond) {
                    out.write(bytes, i, Math.min(perSecond, bytes.length - i));
                    out.flush();
                    Thread.sleep(1_000);
                }
            } catch (IOException | InterruptedException e) {
                // the server closed the connection
            }
        }, "trickle");
        t.setDaemon(true);
        t.start();
    }

    private static CompletableFuture<String> readAnswer(Socket s) {
        CompletableFuture<String> answer = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                InputStream in = s.getInputStream();
                answer.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                answer.complete("closed: " + e);
            }
        }, "answer");
        t.setDaemon(true);
        t.start();
        return answer;
    }

    /** Request threads of this JVM now blocked reading a request body. */
    private static int threadsReadingBodies() {
        int n = 0;
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            for (StackTraceElement frame : e.getValue()) {
                if (frame.getClassName().endsWith("ApiPipeline") && frame.getMethodName().equals("readBody")) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }
}
