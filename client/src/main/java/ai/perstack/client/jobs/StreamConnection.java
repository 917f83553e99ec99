package ai.perstack.client.jobs;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;

/** One HTTP exchange's body subscriber: hands each chunk to the iterating thread, one at a time. */
final class StreamConnection implements HttpResponse.BodySubscriber<Void> {
    private final int gen;
    private final LinkedBlockingQueue<StreamSignal> inbox;
    private final CompletableFuture<Void> body = new CompletableFuture<>();
    volatile Flow.Subscription subscription;
    volatile CompletableFuture<HttpResponse<Void>> future;
    private volatile boolean cancelled;

    StreamConnection(int gen, LinkedBlockingQueue<StreamSignal> inbox) {
        this.gen = gen;
        this.inbox = inbox;
    }

    void cancel() {
        cancelled = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        CompletableFuture<HttpResponse<Void>> f = future;
        if (f != null) {
            f.cancel(true);
        }
        body.complete(null);
    }

    @Override
    public CompletionStage<Void> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (cancelled) {
            s.cancel();
        } else {
            s.request(1); // the iterating thread asks for each next chunk: one chunk in memory at a time
        }
    }

    @Override
    public void onNext(List<ByteBuffer> chunk) {
        inbox.offer(StreamSignal.chunk(gen, chunk));
    }

    @Override
    public void onError(Throwable failure) {
        inbox.offer(StreamSignal.failed(gen, failure));
        body.complete(null);
    }

    @Override
    public void onComplete() {
        inbox.offer(StreamSignal.ended(gen));
        body.complete(null);
    }
}
