package ai.perstack.cli;

import ai.perstack.client.config.PerstackConfig;
import ai.perstack.client.config.TomlDefinition;
import ai.perstack.client.config.PerstackToml;
import ai.perstack.client.config.PerstackTomlException;
import ai.perstack.client.experts.Expert;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The experts of a draft, read from a file: a real-format {@code perstack.toml}
 * ({@code [experts."<key>"]} tables, read by {@link PerstackToml}; members keyed as
 * {@link TomlDefinition} keys them), JSON ({@code {"experts": [...]}} or a bare array) in core's
 * expert shape, or TOML {@code [[experts]]} tables in that shape. The first expert is the coordinator.
 */
final class ExpertsFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TomlMapper TOML = new TomlMapper();
    /** An object, or an array of objects; TOML's {@code [[experts]]} starts with two brackets. */
    private static final Pattern LOOKS_LIKE_JSON = Pattern.compile("\\s*(\\{|\\[\\s*[{\\]])");

    private ExpertsFile() {
    }

    /** Reads {@code file}; {@code -} reads standard input. A file that is not a valid definition is a usage error naming what is wrong. */
    static List<Expert> read(Path file, Io io) {
        String name = file.toString();
        String text;
        try {
            text = name.equals("-") ? new String(io.in().readAllBytes(), StandardCharsets.UTF_8) : Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new UsageException(name + ": no such file");
        } catch (IOException e) {
            throw new UsageException(name + ": cannot read: " + e.getMessage());
        }
        return parse(text, name);
    }

    /** Parses a definition's text; {@code name} (a file name) decides the format by its extension, else the content does. */
    static List<Expert> parse(String text, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean json = lower.endsWith(".json")
                || (!lower.endsWith(".toml") && LOOKS_LIKE_JSON.matcher(text).lookingAt());
        boolean toml = !json;
        JsonNode root;
        try {
            root = toml ? TOML.readTree(text) : JSON.readTree(text);
        } catch (IOException e) {
            throw new UsageException(name + ": not valid " + (toml ? "TOML" : "JSON") + ": " + firstLine(e.getMessage()));
        }
        JsonNode experts = root != null && root.isObject() ? root.get("experts") : root;
        if (toml && experts != null && experts.isObject()) {
            try {
                PerstackConfig config = PerstackToml.parse(text, name);
                if (config.experts().isEmpty()) {
                    throw new UsageException(name + ": no experts");
                }
                return TomlDefinition.allMembers(config);
            } catch (PerstackTomlException e) {
                throw new UsageException(e.getMessage());
            }
        }
        if (experts == null || !experts.isArray()) {
            throw new UsageException(name + ": expected " + (toml ? "[experts.\"KEY\"] tables (perstack.toml) or [[experts]] tables"
                    : "{\"experts\": [...]} or an array of experts"));
        }
        if (experts.isEmpty()) {
            throw new UsageException(name + ": no experts");
        }
        List<Expert> result = new ArrayList<>();
        for (int i = 0; i < experts.size(); i++) {
            try {
                result.add(Expert.fromJson(experts.get(i)));
            } catch (IllegalArgumentException e) {
                throw new UsageException(name + ": experts[" + i + "]: " + e.getMessage());
            }
        }
        return result;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
