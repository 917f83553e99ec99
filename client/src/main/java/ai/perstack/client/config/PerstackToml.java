package ai.perstack.client.config;

import ai.perstack.client.experts.Expert;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads Perstack's {@code perstack.toml}: top-level {@code model}, {@code [provider]},
 * {@code reasoningBudget}, {@code maxSteps}, {@code maxRetries}, {@code timeout}, {@code runtime},
 * {@code envPath}, {@code perstackApiBaseUrl}, {@code perstackBaseSkillCommand}, and
 * {@code [experts."<key>"]} tables with their {@code skills}. As in core, an expert's key is its
 * table name and also its name, and its version defaults to {@code 1.0.0}. Every error names the
 * file, the table and the field; keys the format does not define are errors too, so a typo is not
 * silently dropped.
 */
public final class PerstackToml {
    /** The file name {@link #find(Path)} looks for. */
    public static final String FILE_NAME = "perstack.toml";
    private static final TomlMapper TOML = new TomlMapper();
    private static final Set<String> TOP_LEVEL = Set.of("model", "provider", "reasoningBudget", "maxSteps", "maxRetries",
            "timeout", "runtime", "envPath", "perstackApiBaseUrl", "perstackBaseSkillCommand", "experts");
    private static final Set<String> PROVIDER = Set.of("providerName", "setting");
    private static final Set<String> PROVIDER_NAMES = Set.of("anthropic", "google", "openai", "ollama", "azure-openai",
            "amazon-bedrock", "google-vertex", "deepseek", "mock");
    /** Core keeps secrets out of the file: keys come from the environment. */
    private static final Set<String> SECRET_SETTINGS = Set.of("apiKey", "accessKeyId", "secretAccessKey", "sessionToken");
    private static final Set<String> BUDGETS = Set.of("none", "minimal", "low", "medium", "high");
    private static final Set<String> RUNTIMES = Set.of("local", "cursor", "claude-code", "gemini", "docker");

    private PerstackToml() {
    }

    /**
     * The nearest {@code perstack.toml}: in {@code start} or the closest directory above it.
     *
     * @param start the directory to start from (usually the working directory)
     * @return the file, or empty when no directory up to the root has one
     */
    public static Optional<Path> find(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Reads a file.
     *
     * @param file the {@code perstack.toml}
     * @return what it says
     * @throws PerstackTomlException when it cannot be read or is not a valid perstack.toml
     */
    public static PerstackConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new PerstackTomlException(file + ": no such file");
        } catch (IOException e) {
            throw new PerstackTomlException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /**
     * Parses a file's text.
     *
     * @param text the TOML
     * @param source the file's name, for messages
     * @return what it says
     * @throws PerstackTomlException when it is not a valid perstack.toml
     */
    public static PerstackConfig parse(String text, String source) {
        JsonNode root;
        try {
            root = TOML.readTree(text);
        } catch (JacksonException e) {
            throw new PerstackTomlException(source + ": not valid TOML: " + firstLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new PerstackTomlException(source + ": cannot read: " + e.getMessage(), e);
        }
        TomlTable top = new TomlTable(source, "", root == null ? TOML.createObjectNode() : (ObjectNode) root);
        top.onlyKeys(TOP_LEVEL);
        Map<String, Expert> experts = new LinkedHashMap<>();
        TomlTable expertTables = top.table("experts").orElse(null);
        if (expertTables != null) {
            for (String key : expertTables.keys()) {
                experts.put(key, TomlExperts.expert(key, expertTables.child("experts", key)));
            }
        }
        return new PerstackConfig(source, top.string("model"), provider(top), reasoningBudget(top),
                intAtLeast(top, "maxSteps", 1), intAtLeast(top, "maxRetries", 0), timeout(top),
                top.oneOf("runtime", RUNTIMES), top.strings("envPath").orElse(PerstackConfig.DEFAULT_ENV_PATH),
                httpsUrl(top, "perstackApiBaseUrl"), top.strings("perstackBaseSkillCommand"), experts);
    }

    private static Optional<PerstackConfig.Provider> provider(TomlTable top) {
        Optional<TomlTable> table = top.table("provider");
        if (table.isEmpty()) {
            return Optional.empty();
        }
        TomlTable provider = table.get();
        provider.onlyKeys(PROVIDER);
        String name = provider.required("providerName");
        if (!PROVIDER_NAMES.contains(name)) {
            throw provider.error("providerName", "must be one of " + String.join(", ", new java.util.TreeSet<>(PROVIDER_NAMES)));
        }
        Optional<TomlTable> setting = provider.table("setting");
        setting.ifPresent(s -> s.keys().forEach(k -> {
            if (SECRET_SETTINGS.contains(k)) {
                throw s.error(k, "secrets do not belong in perstack.toml; set them in the environment");
            }
        }));
        return Optional.of(new PerstackConfig.Provider(name, setting.map(TomlTable::node)));
    }

    private static Optional<String> reasoningBudget(TomlTable top) {
        JsonNode value = top.node().get("reasoningBudget");
        if (value == null) {
            return Optional.empty();
        }
        if (value.isTextual() && BUDGETS.contains(value.asText())) {
            return Optional.of(value.asText());
        }
        if (value.isIntegralNumber() && value.asLong() >= 0) {
            return Optional.of(Long.toString(value.asLong()));
        }
        throw top.error("reasoningBudget", "must be one of none, minimal, low, medium, high, or an integer >= 0");
    }

    private static OptionalInt intAtLeast(TomlTable top, String field, int min) {
        OptionalLong value = top.integer(field);
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        if (value.getAsLong() < min || value.getAsLong() > Integer.MAX_VALUE) {
            throw top.error(field, "must be an integer >= " + min);
        }
        return OptionalInt.of((int) value.getAsLong());
    }

    private static OptionalLong timeout(TomlTable top) {
        OptionalLong value = top.integer("timeout");
        if (value.isPresent() && value.getAsLong() < 1) {
            throw top.error("timeout", "must be a number of milliseconds >= 1");
        }
        return value;
    }

    private static Optional<String> httpsUrl(TomlTable top, String field) {
        Optional<String> value = top.string(field);
        value.ifPresent(v -> {
            if (!v.startsWith("https://")) {
                throw top.error(field, "must be an https:// URL");
            }
        });
        return value;
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
