package ai.perstack.server;

import ai.perstack.server.providers.ProviderSettings;
import ai.perstack.server.skills.StdioPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * How to start a {@link LocalPlatform}. Built with {@link #builder()}; every setting has a default:
 * {@code 127.0.0.1}, port 8080, data directory {@code ./.perstack}, H2 in the data directory,
 * a generated bootstrap key, the master key from {@code DIR/master.key}, no rate limit,
 * 4 job workers, a stream ping every 15 s, at most 1,000 open checkpoint streams per organization.
 */
public final class PlatformConfig {
    private final String host;
    private final int port;
    private final Path dataDir;
    private final String databaseUrl;
    private final String bootstrapApiKey;
    private final byte[] masterKey;
    private final int rateLimit;
    private final int workers;
    private final Duration streamPing;
    private final ProviderSettings providerSettings;
    private final Path workspacesDir;
    private final StdioPolicy stdioPolicy;
    private final boolean allowLoopbackMcp;
    private final int maxStreamsPerOrganization;
    private final ai.perstack.server.workspaces.FileLimits fileLimits;

    private PlatformConfig(Builder b) {
        this.fileLimits = b.fileLimits;
        this.workspacesDir = b.workspacesDir;
        this.stdioPolicy = b.stdioPolicy;
        this.allowLoopbackMcp = b.allowLoopbackMcp;
        this.maxStreamsPerOrganization = b.maxStreamsPerOrganization;
        this.providerSettings = b.providerSettings;
        this.workers = b.workers;
        this.streamPing = b.streamPing;
        this.host = b.host;
        this.port = b.port;
        this.dataDir = b.dataDir;
        this.databaseUrl = b.databaseUrl;
        this.bootstrapApiKey = b.bootstrapApiKey;
        this.masterKey = b.masterKey == null ? null : b.masterKey.clone();
        this.rateLimit = b.rateLimit;
    }

    /** What users may upload: file, workspace and staging limits (default {@code FileLimits.DEFAULT}). */
    public ai.perstack.server.workspaces.FileLimits fileLimits() {
        return fileLimits;
    }

    /**
     * Where jobs' workspaces live: the given directory, else {@code <dataDir>/workspaces}. Several
     * processes on one PostgreSQL must share it.
     */
    public Path workspacesDir() {
        return workspacesDir != null ? workspacesDir : dataDir.resolve("workspaces");
    }

    /**
     * Which stdio skills may start processes on this host: as set, else any when the server
     * listens on a loopback address only and none otherwise.
     */
    public StdioPolicy stdioPolicy() {
        if (stdioPolicy != null) {
            return stdioPolicy;
        }
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]")
                ? StdioPolicy.ANY : StdioPolicy.NONE;
    }

    /** Whether mcpSseSkill endpoints may be plain http on a loopback host (local development). */
    public boolean allowLoopbackMcp() {
        return allowLoopbackMcp;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** A {@code jdbc:postgresql:} URL, or null for H2 in the data directory. */
    public String databaseUrl() {
        return databaseUrl;
    }

    /** The key to install for organization {@code local}, or null to generate one on first start. */
    public String bootstrapApiKey() {
        return bootstrapApiKey;
    }

    /** The 32-byte master key, or null to use (or create) {@code DIR/master.key}. */
    public byte[] masterKey() {
        return masterKey == null ? null : masterKey.clone();
    }

    /** Requests per second per API key; 0 = unlimited. */
    public int rateLimit() {
        return rateLimit;
    }

    /** How many jobs this process runs at once. */
    public int workers() {
        return workers;
    }

    /** The longest silence on a checkpoint stream before a {@code : ping} comment. */
    public Duration streamPing() {
        return streamPing;
    }

    /** Timeouts and retry waits of the HTTP model providers ({@code openai}, {@code anthropic}). */
    public ProviderSettings providerSettings() {
        return providerSettings;
    }

    /** How many checkpoint streams one organization may hold open at once. */
    public int maxStreamsPerOrganization() {
        return maxStreamsPerOrganization;
    }

    @Override
    public String toString() {
        // Key material is never printed.
        return "PlatformConfig[host=" + host + ", port=" + port + ", dataDir=" + dataDir + ", database="
                + (databaseUrl == null ? "h2" : "postgresql") + ", rateLimit=" + rateLimit + ", workers=" + workers + "]";
    }

    /** Builds a {@link PlatformConfig}. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8080;
        private Path dataDir = Path.of(".perstack");
        private String databaseUrl;
        private String bootstrapApiKey;
        private byte[] masterKey;
        private int rateLimit;
        private int workers = 4;
        private Duration streamPing = Duration.ofSeconds(15);
        private ProviderSettings providerSettings = ProviderSettings.defaults();
        private int maxStreamsPerOrganization = 1000;

        private Path workspacesDir;
        private ai.perstack.server.workspaces.FileLimits fileLimits = ai.perstack.server.workspaces.FileLimits.DEFAULT;
        private StdioPolicy stdioPolicy;
        private boolean allowLoopbackMcp;

        private Builder() {
        }

        /** Where jobs' workspaces live; default {@code <dataDir>/workspaces}. */
        public Builder workspacesDir(Path workspacesDir) {
            this.workspacesDir = workspacesDir;
            return this;
        }

        /** What users may upload (file, workspace and staging limits); default {@code FileLimits.DEFAULT}. */
        public Builder fileLimits(ai.perstack.server.workspaces.FileLimits fileLimits) {
            this.fileLimits = Objects.requireNonNull(fileLimits, "fileLimits");
            return this;
        }

        /** Which stdio skills may start; null: any on a loopback host, none otherwise. */
        public Builder stdioPolicy(StdioPolicy stdioPolicy) {
            this.stdioPolicy = stdioPolicy;
            return this;
        }

        /** Lets mcpSseSkill endpoints be plain http on a loopback host. */
        public Builder allowLoopbackMcp(boolean allowLoopbackMcp) {
            this.allowLoopbackMcp = allowLoopbackMcp;
            return this;
        }

        /**
         * Checkpoint streams one organization may hold open at once, 1..100000; default 1000 (a
         * stream holds no thread, and the benchmarks fan one job out to 1,000).
         */
        public Builder maxStreamsPerOrganization(int max) {
            if (max < 1 || max > 100_000) {
                throw new IllegalArgumentException("maxStreamsPerOrganization must be 1..100000");
            }
            this.maxStreamsPerOrganization = max;
            return this;
        }

        /** Timeouts and retry waits of the HTTP model providers; default {@link ProviderSettings#defaults()}. */
        public Builder providerSettings(ProviderSettings providerSettings) {
            this.providerSettings = Objects.requireNonNull(providerSettings, "providerSettings");
            return this;
        }

        /** Job workers of this process, 1..256. */
        public Builder workers(int workers) {
            if (workers < 1 || workers > 256) {
                throw new IllegalArgumentException("workers must be 1..256");
            }
            this.workers = workers;
            return this;
        }

        /** The ping interval of checkpoint streams (tests shorten it), 10 ms..15 s. */
        public Builder streamPing(Duration streamPing) {
            if (streamPing.toMillis() < 10 || streamPing.compareTo(Duration.ofSeconds(15)) > 0) {
                throw new IllegalArgumentException("streamPing must be 10 ms..15 s");
            }
            this.streamPing = streamPing;
            return this;
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port; 0 picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535");
            }
            this.port = port;
            return this;
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
            return this;
        }

        public Builder databaseUrl(String databaseUrl) {
            this.databaseUrl = databaseUrl == null || databaseUrl.isBlank() ? null : databaseUrl;
            return this;
        }

        public Builder bootstrapApiKey(String bootstrapApiKey) {
            this.bootstrapApiKey = bootstrapApiKey == null || bootstrapApiKey.isBlank() ? null : bootstrapApiKey;
            return this;
        }

        public Builder masterKey(byte[] masterKey) {
            if (masterKey != null && masterKey.length != 32) {
                throw new IllegalArgumentException("the master key must be 32 bytes");
            }
            this.masterKey = masterKey == null ? null : Arrays.copyOf(masterKey, 32);
            return this;
        }

        public Builder rateLimit(int rateLimit) {
            if (rateLimit < 0) {
                throw new IllegalArgumentException("rateLimit must be >= 0");
            }
            this.rateLimit = rateLimit;
            return this;
        }

        public PlatformConfig build() {
            return new PlatformConfig(this);
        }
    }
}
