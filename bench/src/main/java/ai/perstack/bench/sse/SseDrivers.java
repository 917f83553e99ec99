package ai.perstack.bench.sse;

import ai.perstack.client.sse.SseEvent;
import ai.perstack.client.sse.SseEvents;
import ai.perstack.client.sse.SseParser;
import com.launchdarkly.eventsource.ConnectStrategy;
import com.launchdarkly.eventsource.ErrorStrategy;
import com.launchdarkly.eventsource.EventSource;
import com.launchdarkly.eventsource.MessageEvent;
import com.launchdarkly.eventsource.StreamClosedByServerException;
import com.launchdarkly.eventsource.StreamEvent;
import com.launchdarkly.eventsource.StreamException;
import com.launchdarkly.logging.LDLogger;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import okhttp3.sse.internal.ServerSentEventReader;
import okio.BufferedSource;
import okio.Okio;

/**
 * Each parser under test, fed the same bytes the same way: an {@link InputStream} over the
 * corpus, as a socket would hand them over, with each event's type, data and id passed to a
 * sink. No parser sees the bytes as one array or gets to skip decoding the data.
 */
public enum SseDrivers {
    /** Ours, push style: {@link SseParser#feed} with 8 KiB reads, as the checkpoint stream uses it. */
    PERSTACK("perstack") {
        @Override
        public void parse(InputStream in, Sink sink) throws IOException {
            SseParser parser = new SseParser(e -> sink.event(e.event(), e.data(), e.id()));
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                parser.feed(buffer, 0, n);
            }
            parser.finish();
        }
    },
    /** Ours, pull style: the public {@code SseEvents.parse(InputStream)} stream. */
    PERSTACK_STREAM("perstack-stream") {
        @Override
        public void parse(InputStream in, Sink sink) {
            try (Stream<SseEvent> events = SseEvents.parse(in)) {
                events.forEach(e -> sink.event(e.event(), e.data(), e.id()));
            }
        }
    },
    /**
     * OkHttp's parser, {@code okhttp3.sse.internal.ServerSentEventReader} (public class), over an
     * okio {@link BufferedSource} reading the stream, exactly as {@code RealEventSource} drives it.
     */
    OKHTTP_SSE("okhttp-sse") {
        @Override
        public void parse(InputStream in, Sink sink) throws IOException {
            try (BufferedSource source = Okio.buffer(Okio.source(in))) {
                ServerSentEventReader reader = new ServerSentEventReader(source, new ServerSentEventReader.Callback() {
                    @Override
                    public void onEvent(String id, String type, String data) {
                        sink.event(type == null ? "message" : type, data, id);
                    }

                    @Override
                    public void onRetryChange(long timeMs) {
                    }
                });
                while (reader.processNextEvent()) {
                    // each call parses one event
                }
            }
        }
    },
    /**
     * LaunchDarkly's {@link EventSource} (4.x), given the stream through its public
     * {@link ConnectStrategy} hook instead of an HTTP connection, read with {@code readAnyEvent()}
     * until the stream ends. Its own parser class is package-private, so this is the public way in.
     */
    OKHTTP_EVENTSOURCE("okhttp-eventsource") {
        @Override
        public void parse(InputStream in, Sink sink) throws IOException {
            try (EventSource source = new EventSource.Builder(new StreamConnect(in))
                    .errorStrategy(ErrorStrategy.alwaysThrow())
                    .logger(LDLogger.none())
                    .build()) {
                source.start();
                while (true) {
                    StreamEvent event = source.readAnyEvent();
                    if (event instanceof MessageEvent m) {
                        sink.event(m.getEventName(), m.getData(), m.getLastEventId());
                    }
                }
            } catch (StreamClosedByServerException end) {
                // the end of the input
            } catch (StreamException e) {
                throw new IOException(e);
            }
        }
    };

    /** Receives each parsed event. */
    @FunctionalInterface
    public interface Sink {
        void event(String type, String data, String id);
    }

    private final String label;

    SseDrivers(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static SseDrivers byLabel(String label) {
        for (SseDrivers d : values()) {
            if (d.label.equals(label)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown parser " + label);
    }

    /** Parses the whole stream, handing every event to {@code sink}. */
    public abstract void parse(InputStream in, Sink sink) throws IOException;

    /** Parses {@code bytes} from the start. */
    public void parse(byte[] bytes, Sink sink) {
        try {
            parse(new ByteArrayInputStream(bytes), sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks this parser yields exactly the corpus' events.
     *
     * @return null when it does, else what went wrong
     */
    public String check(SseCorpus corpus) {
        List<SseCorpus.Event> got = new ArrayList<>();
        try {
            parse(corpus.bytes(), (type, data, id) -> got.add(new SseCorpus.Event(type, data, id)));
        } catch (RuntimeException e) {
            return "failed: " + e;
        }
        List<SseCorpus.Event> want = corpus.events();
        if (got.size() != want.size()) {
            return "yielded " + got.size() + " events, expected " + want.size();
        }
        for (int i = 0; i < want.size(); i++) {
            if (!want.get(i).equals(got.get(i))) {
                SseCorpus.Event g = got.get(i);
                SseCorpus.Event w = want.get(i);
                return "event " + i + " differs: type " + g.type() + "/" + w.type() + ", id " + g.id() + "/" + w.id()
                        + ", data length " + g.data().length() + "/" + w.data().length();
            }
        }
        return null;
    }

    /** A connection that is the given stream, once. */
    private static final class StreamConnect extends ConnectStrategy {
        private final InputStream in;

        StreamConnect(InputStream in) {
            this.in = in;
        }

        @Override
        public Client createClient(LDLogger logger) {
            return new Client() {
                private boolean connected;

                @Override
                public Result connect(String lastEventId) throws StreamException {
                    if (connected) {
                        throw new StreamClosedByServerException();
                    }
                    connected = true;
                    return new Result(in, URI.create("http://127.0.0.1/"), null);
                }

                @Override
                public boolean awaitClosed(long timeoutMillis) {
                    return true;
                }

                @Override
                public URI getOrigin() {
                    return URI.create("http://127.0.0.1/");
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
