package ai.perstack.server.skills;

import ai.perstack.server.skills.base.TodoStore;
import ai.perstack.server.workspaces.Workspace;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Test helpers: the test MCP server as a stdio skill, runtimes, arguments. */
public final class Skills {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Short enough that the hang tests finish soon; long enough for a JVM to start on a busy machine. */
    static final SkillLimits LIMITS = new SkillLimits(Duration.ofSeconds(60), Duration.ofSeconds(8), 64 * 1024);

    private Skills() {
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static StdioSkillSpec testServer(String name, List<String> pick, List<String> omit, List<String> requiredEnv,
                                     boolean lazy) {
        List<String> args = new ArrayList<>(List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), TestMcpServer.class.getName()));
        return new StdioSkillSpec(name, "test server", "Use " + name + " wisely.", java(), null, args, pick, omit,
                requiredEnv, lazy);
    }

    static StdioSkillSpec testServer(String name) {
        return testServer(name, List.of(), List.of(), List.of(), false);
    }

    /** A host environment with secrets a child must never see, plus what a JVM needs to start. */
    static Map<String, String> hostEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", System.getProperty("user.home"));
        env.put("PERSTACK_MASTER_KEY", "host-master-key-never-shown");
        env.put("OPENAI_API_KEY", "sk-host-key-never-shown");
        env.put("DATABASE_URL", "jdbc:postgresql://secret-host/db");
        return env;
    }

    static SkillRuntime runtime(Path workspace, Map<String, String> entries, StdioPolicy policy) {
        return new SkillRuntime(Workspace.at(workspace), entries, hostEnv(), TodoStore.inMemory(), policy, LIMITS,
                true, SkillEvents.NONE);
    }

    static ObjectNode args(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String text(ToolResult result) {
        return result.firstText();
    }

    /** Processes this JVM started that run the test server (children and deeper). */
    static long testServers() {
        return running(TestMcpServer.class.getName());
    }

    /**
     * Live descendants of this JVM whose command line contains {@code marker}, read from
     * {@code /proc} (the JDK's view of a command line gives up on very long ones, such as a
     * JVM with a test classpath).
     */
    public static long running(String marker) {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> commandLine(p).contains(marker)).count();
    }

    private static String commandLine(ProcessHandle p) {
        try {
            byte[] raw = java.nio.file.Files.readAllBytes(Path.of("/proc", String.valueOf(p.pid()), "cmdline"));
            return new String(raw, java.nio.charset.StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (java.io.IOException | RuntimeException e) {
            return p.info().commandLine().orElse("");
        }
    }
}
