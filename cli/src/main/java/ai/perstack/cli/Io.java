package ai.perstack.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Where a command reads and writes, and what it knows of the terminal: the process's streams and
 * environment in {@code main}, captured ones in tests.
 *
 * @param out      standard output: results
 * @param err      standard error: errors, notices, live progress
 * @param in       standard input (secret values with {@code --value-stdin})
 * @param env      the environment ({@code PERSTACK_BASE_URL}, {@code PERSTACK_API_KEY}, ...)
 * @param terminal whether standard output is an interactive terminal (live progress, prompts)
 * @param unicode  whether the output encoding can show symbols such as ✓ and …
 * @param width    the terminal width in columns, for shortening long lines
 */
public record Io(PrintStream out, PrintStream err, InputStream in, Map<String, String> env,
                 boolean terminal, boolean unicode, int width) {

    /**
     * Copies the environment and defaults the width.
     *
     * @param out      standard output
     * @param err      standard error
     * @param in       standard input
     * @param env      the environment
     * @param terminal whether standard output is an interactive terminal
     * @param unicode  whether the output encoding can show symbols
     * @param width    the terminal width in columns (100 when unknown)
     */
    public Io {
        env = env == null ? Map.of() : Map.copyOf(env);
        width = width <= 20 ? 100 : width;
    }

    /**
     * Captured streams, as tests use them: no terminal, UTF-8 symbols, 100 columns.
     *
     * @param out standard output
     * @param err standard error
     * @param in  standard input
     * @param env the environment
     * @return the streams
     */
    public static Io of(PrintStream out, PrintStream err, InputStream in, Map<String, String> env) {
        return new Io(out, err, in, env, false, true, 100);
    }

    /**
     * The process's own streams and environment, in the terminal's encoding.
     *
     * @return the streams
     */
    public static Io system() {
        Charset charset = outputCharset();
        boolean unicode = charset.equals(StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, charset);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, charset);
        Map<String, String> env = System.getenv();
        int width = 100;
        try {
            width = Integer.parseInt(env.getOrDefault("COLUMNS", "100").trim());
        } catch (NumberFormatException ignored) {
            // Keep the default width.
        }
        return new Io(out, err, System.in, env, System.console() != null, unicode, width);
    }

    /**
     * An environment variable.
     *
     * @param name its name
     * @return its value, or null when unset or blank
     */
    public String getenv(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v;
    }

    /** "✓" or an ASCII stand-in. */
    String symbol(String unicodeSymbol, String ascii) {
        return unicode ? unicodeSymbol : ascii;
    }

    /** The encoding the terminal expects: stdout.encoding (JDK 19+), else the platform's. */
    private static Charset outputCharset() {
        for (String property : new String[] {"stdout.encoding", "sun.stdout.encoding", "native.encoding"}) {
            String name = System.getProperty(property);
            if (name != null && Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        }
        return Charset.defaultCharset();
    }
}
