package ai.perstack.reliability;

import ai.perstack.client.PerstackClient;
import ai.perstack.reliability.support.Figures;
import ai.perstack.reliability.support.Platforms;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 300 uploads from one client, each trickling just above the minimum body rate (so the rate
 * check alone would let each hold a request thread for minutes): the server caps the bodies in
 * flight per client, ends the admitted ones at the body deadline, and answers everyone else as
 * usual throughout.
 */
@Tag("long")
class SlowUploadFloodTest {
    private static final String TEST = "SlowUploadFloodTest";
    private static final int UPLOADS = 300;
    /** Bytes every 100 ms: 4,700 B/s, above the 4 KiB/s floor. */
    private static final int CHUNK = 470;
    private static final long TRICKLE_FOR_MS = 45_000;

    @Test
    void slowUploadsJustAboveTheRateFloorCannotTakeEveryRequestThread() throws Exception {
        String apiKey = Platforms.newApiKey();
        LocalPlatform platform = Platforms.start(false, apiKey);
        List<Socket> sockets = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        try (PerstackClient client = ai.perstack.reliability.support.Seed.client(platform.baseUrl(), apiKey,
                Duration.ofSeconds(10), 0)) {
            byte[] head = ("POST /api/v1/applications HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + apiKey
                    + "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: 1000000\r\n\r\n{\"name\":\"")
                    .getBytes(StandardCharsets.ISO_8859_1);
            List<CompletableFuture<String>> answers = new ArrayList<>();
            long started = System.nanoTime();
            for (int i = 0; i < UPLOADS; i++) {
                Socket s = new Socket(InetAddress.getLoopbackAddress(), platform.port());
                s.getOutputStream().write(head);
                s.getOutputStream().flush();
                sockets.add(s);
                answers.add(readAnswer(s, started));
            }
            Thread writer = trickleAll(sockets, stop);

            // Everyone else meanwhile: a list every 250 ms for 40 s, no retries.
            int failed = 0;
            int served = 0;
            long worst = 0;
            long until = System.nanoTime() + 40_000_000_000L;
            while (System.nanoTime() < until) {
                long t0 = System.nanoTime();
                if (client.applications().list().ok()) {
                    served++;
                } else {
                    failed++;
                }
                worst = Math.max(worst, (System.nanoTime() - t0) / 1_000_000);
                Thread.sleep(250);
            }
            int refused = 0;
            int timedOut = 0;
            long lastTimeoutSeconds = 0;
            String other = null;
            for (CompletableFuture<String> answer : answers) {
                String text = answer.get(60, TimeUnit.SECONDS);
                if (text.startsWith("HTTP/1.1 429") && text.contains("\"code\":429")) {
                    refused++;
                } else if (text.startsWith("HTTP/1.1 408") && text.contains("\"code\":408")) {
                    timedOut++;
                    lastTimeoutSeconds = Math.max(lastTimeoutSeconds, Long.parseLong(text.substring(text.lastIndexOf('@') + 1)));
                } else {
                    other = text;
                }
            }
            stop.set(true);
            writer.join(5_000);
            Figures.record(TEST, "uploads trickling at 4,700 B/s", UPLOADS);
            Figures.record(TEST, "refused at once with 429 (bodies in flight per client)", refused);
            Figures.record(TEST, "admitted and ended with 408 at the body deadline", timedOut
                    + " (the last " + lastTimeoutSeconds + " s after the start)");
            Figures.record(TEST, "normal requests meanwhile: served / failed", served + " / " + failed);
            Figures.record(TEST, "slowest normal request meanwhile (ms)", worst);
            assertThat(failed).as("normal requests that failed during the flood").isZero();
            assertThat(other).as("an answer that is neither 429 nor 408").isNull();
            assertThat(refused + timedOut).isEqualTo(UPLOADS);
            assertThat(timedOut).isLessThanOrEqualTo(64);
            assertThat(lastTimeoutSeconds).isLessThan(40);
            assertThat(client.applications().list().ok()).isTrue();
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

    /** One thread writes {@link #CHUNK} bytes to every open socket every 100 ms, for at most {@link #TRICKLE_FOR_MS}. */
    private static Thread trickleAll(List<Socket> sockets, AtomicBoolean stop) {
        Thread t = new Thread(() -> {
            byte[] chunk = new byte[CHUNK];
            Arrays.fill(chunk, (byte) 'x');
            List<Socket> open = new ArrayList<>(sockets);
            long until = System.nanoTime() + TRICKLE_FOR_MS * 1_000_000L;
            while (!stop.get() && !open.isEmpty() && System.nanoTime() < until) {
                open.removeIf(s -> {
                    try {
                        OutputStream out = s.getOutputStream();
                        out.write(chunk);
                        out.flush();
                        return false;
                    } catch (IOException closed) {
                        return true;
                    }
                });
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "trickle-all");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The answer's text, then {@code @} and the seconds from {@code started} until it arrived. */
    private static CompletableFuture<String> readAnswer(Socket s, long started) {
        CompletableFuture<String> answer = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            String text;
            try {
                s.setSoTimeout(55_000);
                InputStream in = s.getInputStream();
                byte[] buffer = new byte[8192];
                int n = in.read(buffer); // the answer's first bytes are enough
                text = n <= 0 ? "closed" : new String(buffer, 0, n, StandardCharsets.UTF_8);
                if (n > 0 && !text.contains("\"code\"")) {
                    int more = in.read(buffer);
                    text += more > 0 ? new String(buffer, 0, more, StandardCharsets.UTF_8) : "";
                }
            } catch (IOException e) {
                text = "closed: " + e;
            }
            answer.complete(text + "@" + (System.nanoTime() - started) / 1_000_000_000L);
        }, "answer");
        t.setDaemon(true);
        t.start();
        return answer;
    }
}
