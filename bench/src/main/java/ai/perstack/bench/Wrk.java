package ai.perstack.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs Debian's {@code wrk} against loopback and reads its summary. wrk is a C event loop: on
 * a 2-core machine it takes far less CPU from the server than a JVM driver would, so the
 * server and the bare handler are measured with the same small, fixed tax.
 */
final class Wrk {
    record Result(double requestsPerSecond, double p50Millis, double p99Millis, long requests, long errors) {
    }

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private Wrk() {
    }

    /**
     * One run.
     *
     * @param script lua text for wrk's -s, or null for a plain GET
     */
    static Result run(String url, String key, int connections, int seconds, String script) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency",
                "--timeout", "5s", "-H", "Authorization: Bearer " + key, "-H", "Accept: application/json"));
        Path lua = null;
        if (script != null) {
            lua = Files.createTempFile("wrk-", ".lua");
            Files.writeString(lua, script);
            cmd.add("-s");
            cmd.add(lua.toString());
        }
        cmd.add(url);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(seconds + 30L, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("wrk failed:\n" + out);
        }
        if (lua != null) {
            Files.deleteIfExists(lua);
        }
        long errors = 0;
        Matcher m = NON_2XX.matcher(out);
        if (m.find()) {
            errors += Long.parseLong(m.group(1));
        }
        m = SOCKET.matcher(out);
        if (m.find()) {
            for (int i = 1; i <= 4; i++) {
                errors += Long.parseLong(m.group(i));
            }
        }
        return new Result(number(RPS, out), percentile(out, "50%"), percentile(out, "99%"), (long) number(TOTAL, out), errors);
    }

    private static double number(Pattern p, String out) {
        Matcher m = p.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("unexpected wrk output:\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }

    /** A latency-distribution line such as {@code 99%    3.21ms}, in milliseconds. */
    private static double percentile(String out, String label) {
        Matcher m = Pattern.compile("\\s" + Pattern.quote(label) + "\\s+([0-9.]+)(us|ms|s)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no " + label + " in wrk output:\n" + out);
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }

    /** POSTs a new application per request, each with a name unique across threads and runs. */
    static String createApplicationScript() {
        return """
                local threads = 0
                function setup(thread)
                  threads = threads + 1
                  thread:set("tid", threads)
                end
                function init(args)
                  counter = 0
                end
                wrk.method = "POST"
                wrk.headers["Content-Type"] = "application/json"
                request = function()
                  counter = counter + 1
                  return wrk.format(nil, nil, nil, '{"name":"bench-RUN-' .. tid .. '-' .. counter .. '"}')
                end
                """.replace("RUN", Long.toString(System.nanoTime(), 36));
    }
}
