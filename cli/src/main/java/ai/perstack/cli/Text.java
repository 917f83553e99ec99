package ai.perstack.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Small formatting rules shared by the commands. */
final class Text {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Text() {
    }

    /** Line breaks and tabs become spaces, so that a value stays on its row. */
    static String oneLine(String s) {
        if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0 && s.indexOf('\t') < 0) {
            return s;
        }
        return s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }

    /** {@code s} cut to {@code max} characters, ending with an ellipsis when cut. */
    static String shorten(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        return s.substring(0, Math.max(0, max - 1)) + "…";
    }

    /** "2025-11-28 09:16:03 UTC". */
    static String time(Instant t) {
        return t == null ? "" : TIME.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    static String time(Optional<Instant> t) {
        return t.map(Text::time).orElse("");
    }

    /** How long ago, as kubectl shows it: "42s", "5m", "3h", "2d". */
    static String age(Instant t, Instant now) {
        if (t == null) {
            return "";
        }
        long s = Math.max(0, Duration.between(t, now).getSeconds());
        if (s < 120) {
            return s + "s";
        }
        if (s < 7200) {
            return (s / 60) + "m";
        }
        if (s < 172800) {
            return (s / 3600) + "h";
        }
        return (s / 86400) + "d";
    }

    /** "850 ms", "2.4 s", "3 min 5 s". */
    static String duration(Duration d) {
        long ms = Math.max(0, d.toMillis());
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return (ms / 60_000) + " min " + (ms % 60_000) / 1000 + " s";
    }

    /** 12345 → "12,345". */
    static String number(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }
}
