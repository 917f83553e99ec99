package ai.perstack.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Runs {@code perstack} in this process with captured streams and a given environment. */
final class Cli {
    private final Map<String, String> env;

    /**
     * What a run left behind.
     *
     * @param code the exit code
     * @param out  standard output
     * @param err  standard error
     */
    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    Cli(Map<String, String> env) {
        this.env = env;
    }

    /** A command line connected to {@code baseUrl} with {@code apiKey}. */
    static Cli connectedTo(String baseUrl, String apiKey) {
        return new Cli(Map.of(Connection.BASE_URL_ENV, baseUrl, Connection.API_KEY_ENV, apiKey));
    }

    /** This command line with another environment variable. */
    Cli with(String name, String value) {
        Map<String, String> e = new HashMap<>(env);
        e.put(name, value);
        return new Cli(e);
    }

    Result run(String... args) {
        return runWithInput("", args);
    }

    Result runWithInput(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = PerstackCli.run(Io.of(o, e, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), env), args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
