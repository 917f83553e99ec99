package ai.perstack.client.jobs;

import ai.perstack.client.ResponseInfo;
import ai.perstack.client.StreamRequestOptions;
import ai.perstack.client.internal.Errors;
import ai.perstack.client.internal.Paths;
import ai.perstack.client.internal.Transport;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Opens the HTTP connections of one {@link CheckpointStream}: builds the request (with the
 * {@code Last-Event-ID} to resume from) and routes what comes back into the stream's inbox — the
 * body of a 200 chunk by chunk, any other status as one {@code HTTP_ERROR} signal, a network
 * failure as {@code FAILED}. Everything is tagged with the connection's generation, so signals of a
 * connection the stream gave up on are recognisably stale.
 */
final class CheckpointConnector {
    private final Transport transport;
    private final String path;
    private final StreamRequestOptions options;
    private final LinkedBlockingQueue<StreamSignal> inbox;

    CheckpointConnector(Transport transport, String jobId, StreamRequestOptions options,
                        LinkedBlockingQueue<StreamSignal> inbox) {
        this.transport = transport;
        this.path = AsyncJobsApi.BASE + "/" + Paths.segment(jobId) + "/checkpoints/stream";
        // the stream sets Last-Event-ID itself on every connection, from what it has yielded
        this.options = withoutLastEventId(options);
        this.inbox = inbox;
    }

    /** Starts connection {@code generation}, resuming after {@code resumeFrom} (null: from the start). */
    StreamConnection open(int generation, String resumeFrom) {
        HttpRequest.Builder request = transport.request(transport.uri(path, Map.of()), options, "text/event-stream")
                .header("Cache-Control", "no-cache")
                .GET();
        if (resumeFrom != null) {
            request.header("Last-Event-ID", resumeFrom);
        }
        StreamConnection connection = new StreamConnection(generation, inbox);
        long started = System.nanoTime();
        HttpResponse.BodyHandler<Void> handler = info -> {
            transport.log().response("GET", path, info.statusCode(), (System.nanoTime() - started) / 1000);
            if (info.statusCode() == 200) {
                return connection;
            }
            String retryAfter = info.headers().firstValue("Retry-After").orElse(null);
            ResponseInfo response = ResponseInfo.of(info.statusCode(), info.headers());
            return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArray(), bytes -> {
                inbox.offer(StreamSignal.httpError(generation, info.statusCode(), bytes, retryAfter, response));
                return null;
            });
        };
        connection.future = transport.http().sendAsync(request.build(), handler);
        connection.future.whenComplete((response, failure) -> {
            if (failure != null) {
                inbox.offer(StreamSignal.failed(generation, Errors.unwrap(failure)));
            }
        });
        return connection;
    }

    private static StreamRequestOptions withoutLastEventId(StreamRequestOptions options) {
        if (options.headers().keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Last-Event-ID"))) {
            return options;
        }
        StreamRequestOptions.Builder b = StreamRequestOptions.builder();
        options.headers().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Last-Event-ID")) {
                b.header(k, v);
            }
        });
        return b.build();
    }
}
