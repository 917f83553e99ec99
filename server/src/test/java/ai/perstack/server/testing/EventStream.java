package ai.perstack.server.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A minimal server-sent-events reader for the tests: opens the checkpoint stream and hands
 * each event (and each comment) to a queue, stamped with the time it arrived.
 */
public final class EventStream implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One event; {@code name} is {@code comment} for a comment line. */
    public record Event(String name, String id, String data, long arrivedNanos) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final HttpResponse<InputStream> response;
    private final Thread reader;

    private EventStream(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream; the response status and headers are available at once. */
    public static EventStream open(Api api, String jobId, String lastEventId) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/jobs/" + jobId
                + "/checkpoints/stream")).header("Authorization", "Bearer " + api.key()).GET();
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        try {
            return new EventStream(HTTP.send(b.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String name = null;
            String id = null;
            StringBuilder data = null;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(name == null ? "message" : name, id, data.toString(), System.nanoTime()));
                    }
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    events.add(new Event("comment", null, line.substring(1).strip(), System.nanoTime()));
                } else if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("data: ")) {
                    data = data == null ? new StringBuilder(line.substring(6)) : data.append('\n').append(line.substring(6));
                }
            }
            events.add(new Event("eof", null, "", System.nanoTime()));
        } catch (IOException e) {
            events.add(new Event("eof", null, e.toString(), System.nanoTime()));
        }
    }

    /** The next event, or an AssertionError after {@code seconds}. */
    public Event next(long seconds) {
        try {
            Event e = events.poll(seconds, TimeUnit.SECONDS);
            if (e == null) {
                throw new AssertionError("no event within " + seconds + " s");
            }
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every event up to and including {@code done} (or the end of the stream), skipping comments. */
    public List<Event> untilDone(long seconds) {
        List<Event> out = new ArrayList<>();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (true) {
            Event e = next(Math.max(1, (deadline - System.nanoTime()) / 1_000_000_000L));
            if (e.name().equals("comment")) {
                continue;
            }
            out.add(e);
            if (e.name().equals("done") || e.name().equals("eof") || e.name().equals("error")) {
                return out;
            }
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // closing a stream the server may have closed already
        }
        reader.interrupt();
    }
}
