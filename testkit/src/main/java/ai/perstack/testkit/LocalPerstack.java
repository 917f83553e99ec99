package ai.perstack.testkit;

import ai.perstack.client.PerstackClient;
import ai.perstack.client.applications.Application;
import ai.perstack.client.applications.CreateApplicationInput;
import ai.perstack.client.experts.AssignVersionInput;
import ai.perstack.client.experts.CreateDraftInput;
import ai.perstack.client.experts.Expert;
import ai.perstack.client.experts.ExpertDefinition;
import ai.perstack.client.experts.ExpertDraft;
import ai.perstack.server.LocalPlatform;
import ai.perstack.server.PlatformConfig;
import ai.perstack.server.providers.ProviderSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import ai.perstack.client.config.PerstackToml;
import ai.perstack.client.config.TomlDefinition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A running local Perstack platform and a client connected to it, with helpers that seed data.
 * Made by {@link PerstackLocal}; {@link #start()} makes one by hand (close it when done).
 */
public final class LocalPerstack implements AutoCloseable {
    private final LocalPlatform platform;
    private final Path dataDir;
    private final PerstackClient client;
    private final List<PerstackClient> otherClients = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalPerstack(LocalPlatform platform, Path dataDir) {
        this.platform = platform;
        this.dataDir = dataDir;
        this.client = connect(platform.bootstrapApiKey());
    }

    /**
     * Starts a platform on a free 127.0.0.1 port with a temporary H2 store. Each call makes a
     * platform of its own, so any number can run at once.
     *
     * @return the running platform; close it to stop it and delete its store
     */
    public static LocalPerstack start() {
        return start(ProviderSettings.defaults());
    }

    /**
     * Like {@link #start()}, with the model providers' settings: where the {@code openai} and
     * {@code anthropic} providers call (a stub model server in a test, say) is the platform
     * operator's choice, made here, not an organization's variables.
     *
     * @param providerSettings for example {@code ProviderSettings.defaults().withOpenAiBaseUrl(stubUrl + "/v1")}
     * @return the running platform; close it to stop it and delete its store
     */
    public static LocalPerstack start(ProviderSettings providerSettings) {
        Path dir;
        try {
            dir = Files.createTempDirectory("perstack-testkit-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the platform's data directory", e);
        }
        LocalPlatform platform = null;
        try {
            platform = LocalPlatform.start(PlatformConfig.builder().host("127.0.0.1").port(0).dataDir(dir)
                    .providerSettings(providerSettings).build());
            return new LocalPerstack(platform, dir);
        } catch (RuntimeException | Error e) {
            if (platform != null) {
                platform.close();
            }
            deleteRecursively(dir);
            throw e;
        }
    }

    private PerstackClient connect(String apiKey) {
        return PerstackClient.builder().apiKey(apiKey).baseUrl(platform.baseUrl()).timeout(Duration.ofSeconds(30)).build();
    }

    /** {@return the base URL, e.g. {@code http://127.0.0.1:54321}} */
    public String baseUrl() {
        return platform.baseUrl();
    }

    /** {@return the API key of the organization {@code local}} */
    public String apiKey() {
        return platform.bootstrapApiKey();
    }

    /** {@return the console's address, signed in as the organization {@code local} (the key is in the fragment)} */
    public String consoleUrl() {
        return platform.consoleUrl(apiKey());
    }

    /** {@return the client of the organization {@code local}; closed with this platform} */
    public PerstackClient client() {
        return client;
    }

    /** {@return the running platform} */
    public LocalPlatform platform() {
        return platform;
    }

    /**
     * Creates an API key.
     *
     * @param organization the organization's name; the organization is created when missing
     * @return a new API key of {@code organization}
     */
    public String createApiKey(String organization) {
        return platform.createApiKey(organization);
    }

    /**
     * Connects as another organization, to test what one organization cannot see of another's.
     *
     * @param organization the organization's name; the organization is created when missing
     * @return a client with a new API key of {@code organization}; closed with this platform
     */
    public PerstackClient clientFor(String organization) {
        PerstackClient other = connect(createApiKey(organization));
        otherClients.add(other);
        return other;
    }

    /**
     * Creates an application in the organization {@code local}.
     *
     * @param name the application's name
     * @return the created application
     */
    public Application createApplication(String name) {
        return client.applications().create(CreateApplicationInput.builder().name(name).build())
                .orElseThrow().data().application();
    }

    /**
     * Publishes an expert definition read from a class-path resource (JSON, or TOML when the name
     * ends in {@code .toml}) as {@code version} of {@code scopeName}: draft, then version.
     * A {@code .toml} resource is a perstack.toml ({@code [experts."<key>"]} tables, the first the
     * coordinator); a JSON one holds {@code experts}, an array of expert objects in core's shape,
     * the coordinator first.
     *
     * @param scopeName      the scope to publish to, e.g. {@code @my-org/writer}
     * @param version        the semantic version to assign, e.g. {@code 1.0.0}
     * @param resource       the class-path resource with the definition, e.g. {@code experts/writer.toml}
     * @param applicationId  the application the draft belongs to
     * @return the published definition, as {@code experts().get(scopeName@version)} returns it
     * @throws ai.perstack.client.PerstackException when the platform rejects the draft or the version
     */
    public ExpertDefinition publishExpert(String scopeName, String version, String resource, String applicationId) {
        List<Expert> experts = readExperts(resource);
        ExpertDraft draft = client.experts().drafts().create(scopeName,
                CreateDraftInput.builder().applicationId(applicationId).experts(experts).build()).orElseThrow().data().draft();
        client.experts().drafts().assignVersion(scopeName, draft.id(), AssignVersionInput.of(version)).orElseThrow();
        return client.experts().get(scopeName + "@" + version).orElseThrow().data().definition();
    }

    /**
     * Reads the experts of a JSON or TOML class-path resource (the format of
     * {@link #publishExpert(String, String, String, String)}).
     *
     * @param resource the class-path resource; TOML when the name ends in {@code .toml}, else JSON
     * @return the experts, the coordinator first
     * @throws IllegalArgumentException when the resource is missing or holds no experts
     */
    public static List<Expert> readExperts(String resource) {
        boolean toml = resource.endsWith(".toml");
        ObjectMapper mapper = toml ? new TomlMapper() : new ObjectMapper();
        try (InputStream in = open(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("resource not found on the class path: " + resource);
            }
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            JsonNode root = mapper.readTree(text);
            if (toml && root.path("experts").isObject()) {
                // A real perstack.toml: [experts."<key>"] tables.
                List<Expert> experts = TomlDefinition.allMembers(PerstackToml.parse(text, resource));
                if (experts.isEmpty()) {
                    throw new IllegalArgumentException(resource + ": no [experts.\"<key>\"] tables");
                }
                return experts;
            }
            JsonNode list = root.isArray() ? root : root.path("experts");
            if (!list.isArray() || list.isEmpty()) {
                throw new IllegalArgumentException(resource + ": expected [experts.\"<key>\"] tables (perstack.toml) or a non-empty 'experts' array");
            }
            List<Expert> experts = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                experts.add(Expert.fromJson(list.get(i)));
            }
            return experts;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + resource, e);
        }
    }

    /** The resource from the thread's context class loader (as test frameworks set it), else from the testkit's. */
    private static InputStream open(String resource) {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        InputStream in = context == null ? null : context.getResourceAsStream(name);
        return in != null ? in : LocalPerstack.class.getClassLoader().getResourceAsStream(name);
    }

    /** Stops the platform, closes the clients and deletes the temporary store. Closing twice does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            otherClients.forEach(PerstackClient::close);
            client.close();
        } finally {
            try {
                platform.close();
            } finally {
                deleteRecursively(dataDir);
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is harmless.
        }
    }
}
