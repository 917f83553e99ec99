package ai.perstack.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on 127.0.0.1 in front of the platform that can cut the connections carrying a
 * checkpoint stream, as a flaky network would, and keeps the head of every request it passed
 * so a test can see what the browser sent when it connected again.
 */
final class DroppingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int targetPort;
    private final Set<Pipe> pipes = ConcurrentHashMap.newKeySet();
    private final List<String> requestHeads = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    DroppingProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "dropping-proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    /** Resets every connection whose last request was a checkpoint stream; returns how many. */
    int dropStreams() {
        int dropped = 0;
        for (Pipe p : pipes) {
            if (p.lastHead.contains("/checkpoints/stream")) {
                p.close();
                dropped++;
            }
        }
        return dropped;
    }

    /** The heads (request line and headers) of the requests passed so far. */
    List<String> requestHeads() {
        return List.copyOf(requestHeads);
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                Pipe pipe = new Pipe(client, server);
                pipes.add(pipe);
                pipe.start();
            } catch (IOException e) {
                if (!closed) {
                    continue;
                }
                return;
            }
        }
    }

    /** One client connection and its server connection, copied both ways by two threads. */
    private final class Pipe {
        final Socket client;
        final Socket server;
        volatile String lastHead = "";

        Pipe(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void start() {
            thread(() -> copy(client, server, true));
            thread(() -> copy(server, client, false));
        }

        private void thread(Runnable r) {
            Thread t = new Thread(r, "dropping-proxy-pipe");
            t.setDaemon(true);
            t.start();
        }

        private void copy(Socket from, Socket to, boolean requests) {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (requests) {
                        noteRequest(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // The other side or a drop closed the connection.
            } finally {
                close();
            }
        }

        /** Requests of the console are small GETs and POSTs: each read starting with a method is a head. */
        private void noteRequest(String chunk) {
            if (chunk.matches("(?s)^(GET|POST|DELETE) .*")) {
                int end = chunk.indexOf("\r\n\r\n");
                lastHead = end < 0 ? chunk : chunk.substring(0, end);
                requestHeads.add(lastHead);
            }
        }

        void close() {
            pipes.remove(this);
            try {
                client.setSoLinger(true, 0); // a reset, as a dropped network would
                client.close();
            } catch (IOException ignored) {
                // already closed
            }
            try {
                server.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        for (Pipe p : pipes) {
            p.close();
        }
    }
}
