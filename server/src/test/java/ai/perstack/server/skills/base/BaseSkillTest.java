package ai.perstack.server.skills.base;

import static org.assertj.core.api.Assertions.assertThat;

import ai.perstack.server.workspaces.Workspace;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every base tool: core's names, arguments, result shapes and errors, confined to the workspace. */
class BaseSkillTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Path ws;
    Path outside;
    TodoStore todos;
    BaseSkill base;

    @BeforeEach
    void open() throws Exception {
        ws = Files.createDirectories(dir.resolve("ws")).toRealPath();
        outside = Files.createDirectories(dir.resolve("outside")).toRealPath();
        Files.writeString(outside.resolve("secret.txt"), "secret");
        todos = TodoStore.inMemory();
        Map<String, String> host = new HashMap<>();
        host.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        host.put("OPENAI_API_KEY", "sk-host-never-shown");
        base = new BaseSkill(Workspace.at(ws), todos, host);
    }

    @AfterEach
    void close() {
        base.close();
    }

    private JsonNode call(String tool, String args) throws Exception {
        return JSON.readTree(base.call(tool, JSON.readTree(args)));
    }

    @Test
    void offersCoresSeventeenToolsWithObjectSchemas() {
        assertThat(base.tools()).extracting(BaseTools.Definition::name).containsExactly("attemptCompletion", "todo",
                "clearTodo", "healthCheck", "exec", "readTextFile", "readImageFile", "readPdfFile", "writeTextFile",
                "appendTextFile", "editTextFile", "moveFile", "deleteFile", "getFileInfo", "listDirectory",
                "createDirectory", "deleteDirectory");
        assertThat(base.tools()).allMatch(t -> t.inputSchema().get("type").asText().equals("object"));
        assertThat(base.tools().get(4).inputSchema().get("required").toString())
                .isEqualTo("[\"command\",\"args\",\"env\",\"cwd\",\"stdout\",\"stderr\"]");
    }

    @Test
    void todosCountUpSurviveInTheStoreAndGateAttemptCompletion() throws Exception {
        assertThat(call("attemptCompletion", "{}").toString()).isEqualTo("{}");
        JsonNode list = call("todo", "{\"newTodos\":[\"a\",\"b\"]}");
        assertThat(list.toString()).isEqualTo(
                "{\"todos\":[{\"id\":0,\"title\":\"a\",\"completed\":false},{\"id\":1,\"title\":\"b\",\"completed\":false}]}");
        call("todo", "{\"completedTodos\":[0]}");
        assertThat(call("attemptCompletion", "{}").toString())
                .isEqualTo("{\"remainingTodos\":[{\"id\":1,\"title\":\"b\",\"completed\":false}]}");
        // a new skill over the same store (another process after a restart) sees the same list
        BaseSkill again = new BaseSkill(Workspace.at(ws), todos, Map.of());
        assertThat(again.todoState().nextId()).isEqualTo(2);
        assertThat(JSON.readTree(again.call("todo", JSON.readTree("{\"newTodos\":[\"c\"],\"completedTodos\":[1]}")))
                .get("todos").get(2).toString()).isEqualTo("{\"id\":2,\"title\":\"c\",\"completed\":false}");
        assertThat(call("clearTodo", "{}").toString()).isEqualTo("{\"todos\":[]}");
        assertThat(call("todo", "{\"newTodos\":[\"x\"]}").get("todos").get(0).get("id").asInt()).isZero();
        assertThat(JSON.writeValueAsString(todos.load())).isEqualTo(
                "{\"todos\":[{\"id\":0,\"title\":\"x\",\"completed\":false}],\"nextId\":1}");
        assertThat(JSON.readValue(JSON.writeValueAsString(todos.load()), TodoState.class)).isEqualTo(todos.load());
    }

    @Test
    void healthCheckReportsCoresShape() throws Exception {
        JsonNode h = call("healthCheck", "{}");
        assertThat(h.get("status").asText()).isEqualTo("ok");
        assertThat(h.get("workspace").asText()).isEqualTo(ws.toString());
        assertThat(h.get("uptime").asText()).matches("\\d+s");
        assertThat(h.get("memory").get("heapUsed").asText()).matches("\\d+MB");
        assertThat(h.get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
    }

    @Test
    void textFilesAreWrittenReadAppendedAndEditedAsCoreDoes() throws Exception {
        assertThat(call("writeTextFile", "{\"path\":\"notes/a.txt\",\"text\":\"l0\\r\\nl1\\nl2\"}").toString())
                .isEqualTo("{\"path\":\"notes/a.txt\",\"text\":\"l0\\r\\nl1\\nl2\"}");
        assertThat(call("readTextFile", "{\"path\":\"notes/a.txt\",\"from\":1,\"to\":2}").toString())
                .isEqualTo("{\"path\":\"notes/a.txt\",\"content\":\"l1\",\"from\":1,\"to\":2}");
        assertThat(call("readTextFile", "{\"path\":\"notes/a.txt\"}").get("to").asInt()).isEqualTo(3);
        call("appendTextFile", "{\"path\":\"notes/a.txt\",\"text\":\"!\"}");
        assertThat(Files.readString(ws.resolve("notes/a.txt"))).isEqualTo("l0\r\nl1\nl2!");
        assertThat(call("editTextFile", "{\"path\":\"notes/a.txt\",\"oldText\":\"l0\\r\\nl1\",\"newText\":\"X\"}")
                .toString()).isEqualTo("{\"path\":\"notes/a.txt\",\"newText\":\"X\",\"oldText\":\"l0\\r\\nl1\"}");
        assertThat(Files.readString(ws.resolve("notes/a.txt"))).isEqualTo("X\nl2!");
        assertThat(call("editTextFile", "{\"path\":\"notes/a.txt\",\"oldText\":\"nope\",\"newText\":\"Y\"}")
                .get("error").asText()).isEqualTo("Error");
        assertThat(call("appendTextFile", "{\"path\":\"missing.txt\",\"text\":\"x\"}").get("message").asText())
                .contains("does not exist");
        Files.setPosixFilePermissions(ws.resolve("notes/a.txt"), PosixFilePermissions.fromString("r--r--r--"));
        assertThat(call("writeTextFile", "{\"path\":\"notes/a.txt\",\"text\":\"x\"}").get("message").asText())
                .contains("not writable");
        assertThat(call("readTextFile", "{}").get("message").asText()).isEqualTo("Invalid arguments: path is required");
    }

    @Test
    void everyFileToolRefusesPathsOutsideTheWorkspaceAndTheReservedDirectory() throws Exception {
        Files.createSymbolicLink(ws.resolve("link"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(ws.resolve("out"), outside);
        for (String path : List.of("../outside/secret.txt", outside + "/secret.txt", "~/x", "link", "out/secret.txt",
                "perstack/x", "PERSTACK")) {
            String p = JSON.writeValueAsString(path);
            for (String call : List.of("{\"tool\":\"readTextFile\",\"args\":{\"path\":" + p + "}}",
                    "{\"tool\":\"writeTextFile\",\"args\":{\"path\":" + p + ",\"text\":\"pwned\"}}",
                    "{\"tool\":\"appendTextFile\",\"args\":{\"path\":" + p + ",\"text\":\"pwned\"}}",
                    "{\"tool\":\"editTextFile\",\"args\":{\"path\":" + p + ",\"oldText\":\"s\",\"newText\":\"p\"}}",
                    "{\"tool\":\"deleteFile\",\"args\":{\"path\":" + p + "}}",
                    "{\"tool\":\"getFileInfo\",\"args\":{\"path\":" + p + "}}",
                    "{\"tool\":\"listDirectory\",\"args\":{\"path\":" + p + "}}",
                    "{\"tool\":\"createDirectory\",\"args\":{\"path\":" + p + "}}",
                    "{\"tool\":\"deleteDirectory\",\"args\":{\"path\":" + p + ",\"recursive\":true}}",
                    "{\"tool\":\"readImageFile\",\"args\":{\"path\":" + p + "}}",
                    "{\"tool\":\"moveFile\",\"args\":{\"source\":" + p + ",\"destination\":\"moved\"}}",
                    "{\"tool\":\"moveFile\",\"args\":{\"source\":\"moved\",\"destination\":" + p + "}}",
                    "{\"tool\":\"exec\",\"args\":{\"command\":\"ls\",\"args\":[],\"env\":{},\"cwd\":" + p
                            + ",\"stdout\":true,\"stderr\":true}}")) {
                JsonNode c = JSON.readTree(call);
                JsonNode r = JSON.readTree(base.call(c.get("tool").asText(), c.get("args")));
                assertThat(r.has("error")).as("%s", call).isTrue();
            }
        }
        assertThat(Files.readString(outside.resolve("secret.txt"))).isEqualTo("secret");
        assertThat(outside.resolve("moved")).doesNotExist();
    }

    @Test
    void filesAndDirectoriesAreMovedDescribedListedCreatedAndDeleted() throws Exception {
        call("writeTextFile", "{\"path\":\"a.md\",\"text\":\"hello\"}");
        assertThat(call("moveFile", "{\"source\":\"a.md\",\"destination\":\"d/b.md\"}").toString())
                .isEqualTo("{\"source\":\"a.md\",\"destination\":\"d/b.md\"}");
        assertThat(call("moveFile", "{\"source\":\"d/b.md\",\"destination\":\"d/b.md\"}").get("message").asText())
                .contains("already exists");
        JsonNode info = call("getFileInfo", "{\"path\":\"d/b.md\"}");
        assertThat(info.get("exists").asBoolean()).isTrue();
        assertThat(info.get("name").asText()).isEqualTo("b.md");
        assertThat(info.get("type").asText()).isEqualTo("file");
        assertThat(info.get("mimeType").asText()).isEqualTo("text/markdown");
        assertThat(info.get("size").asInt()).isEqualTo(5);
        assertThat(info.get("sizeFormatted").asText()).isEqualTo("5.00 B");
        assertThat(info.get("permissions").get("writable").asBoolean()).isTrue();
        JsonNode dirInfo = call("getFileInfo", "{\"path\":\"d\"}");
        assertThat(dirInfo.get("extension").isNull()).isTrue();
        assertThat(dirInfo.get("mimeType").isNull()).isTrue();
        Files.createDirectories(ws.resolve("perstack"));
        call("createDirectory", "{\"path\":\"c/e\"}");
        JsonNode list = call("listDirectory", "{\"path\":\".\"}");
        assertThat(list.get("items").findValuesAsText("name")).containsExactly("c", "d");
        assertThat(list.get("items").get(0).get("type").asText()).isEqualTo("directory");
        assertThat(call("createDirectory", "{\"path\":\"c\"}").get("message").asText()).contains("already exists");
        assertThat(call("deleteDirectory", "{\"path\":\"c\"}").get("message").asText()).contains("not empty");
        assertThat(call("deleteDirectory", "{\"path\":\"c\",\"recursive\":true}").toString())
                .isEqualTo("{\"path\":\"c\"}");
        assertThat(call("deleteFile", "{\"path\":\"d\"}").get("message").asText()).contains("directory");
        assertThat(call("deleteFile", "{\"path\":\"d/b.md\"}").toString()).isEqualTo("{\"path\":\"d/b.md\"}");
        assertThat(ws.resolve("d/b.md")).doesNotExist();
    }

    @Test
    void imagesAndPdfsAreCheckedByTypeAndSize() throws Exception {
        Files.write(ws.resolve("p.png"), new byte[]{(byte) 0x89, 'P', 'N', 'G'});
        Files.write(ws.resolve("doc.pdf"), "%PDF-1.4".getBytes());
        assertThat(call("readImageFile", "{\"path\":\"p.png\"}").toString()).isEqualTo(
                "{\"path\":" + JSON.writeValueAsString(ws.resolve("p.png").toString()) + ",\"mimeType\":\"image/png\",\"size\":4}");
        assertThat(call("readImageFile", "{\"path\":\"doc.pdf\"}").get("message").asText()).contains("Unsupported");
        assertThat(call("readPdfFile", "{\"path\":\"doc.pdf\"}").get("mimeType").asText()).isEqualTo("application/pdf");
        assertThat(call("readPdfFile", "{\"path\":\"p.png\"}").has("error")).isTrue();
    }

    @Test
    void execRunsWithoutAShellWithCoresEnvironmentAndOutputRules() throws Exception {
        JsonNode out = call("exec", "{\"command\":\"sh\",\"args\":[\"-c\",\"echo $GREETING $OPENAI_API_KEY; pwd; echo err >&2\"],"
                + "\"env\":{\"GREETING\":\"hi\",\"LD_PRELOAD\":\"/evil.so\"},\"cwd\":\".\",\"stdout\":true,\"stderr\":false}");
        assertThat(out.get("output").asText()).isEqualTo("hi\n" + ws + "\n");
        assertThat(call("exec", "{\"command\":\"echo\",\"args\":[\"$HOME\",\"a;b\"],\"env\":{},\"cwd\":\".\","
                + "\"stdout\":true,\"stderr\":true}").get("output").asText()).isEqualTo("$HOME a;b\n");
        assertThat(call("exec", "{\"command\":\"true\",\"args\":[],\"env\":{},\"cwd\":\".\",\"stdout\":true,"
                + "\"stderr\":true}").get("output").asText()).isEqualTo("Command executed successfully, but produced no output.");
        JsonNode failed = call("exec", "{\"command\":\"sh\",\"args\":[\"-c\",\"echo out; echo bad >&2; exit 2\"],"
                + "\"env\":{},\"cwd\":\".\",\"stdout\":true,\"stderr\":false}");
        assertThat(failed.get("error").asText()).startsWith("Command failed: sh -c").contains("bad");
        assertThat(failed.get("stdout").asText()).isEqualTo("out\n");
        assertThat(failed.has("stderr")).isFalse();
        assertThat(call("exec", "{\"command\":\"sleep\",\"args\":[\"30\"],\"env\":{},\"cwd\":\".\",\"stdout\":true,"
                + "\"stderr\":true,\"timeout\":300}").get("error").asText()).isEqualTo("Command timed out after 300ms.");
        JsonNode flood = call("exec", "{\"command\":\"head\",\"args\":[\"-c\",\"20000000\",\"/dev/zero\"],\"env\":{},"
                + "\"cwd\":\".\",\"stdout\":true,\"stderr\":false}");
        assertThat(flood.get("error").asText()).contains("maxBuffer");
        assertThat(call("exec", "{\"command\":\"no-such-command-here\",\"args\":[],\"env\":{},\"cwd\":\".\","
                + "\"stdout\":true,\"stderr\":true}").get("error").asText()).contains("ENOENT");
        assertThat(call("exec", "{\"command\":\"ls\"}").get("message").asText()).startsWith("Invalid arguments: args");
    }

    @Test
    void execObeysTheOperatorsProcessPolicyLikeAStdioSkill() throws Exception {
        String touch = "{\"command\":\"touch\",\"args\":[\"ran\"],\"env\":{},\"cwd\":\".\",\"stdout\":true,\"stderr\":true}";
        try (BaseSkill none = new BaseSkill(Workspace.at(ws), todos, Map.of(), ai.perstack.server.skills.StdioPolicy.NONE)) {
            JsonNode refused = JSON.readTree(none.call("exec", JSON.readTree(touch)));
            assertThat(refused.toString()).contains("exec is not allowed on this server");
            assertThat(ws.resolve("ran")).doesNotExist();
            // the other tools stay: the policy is about processes, not files
            assertThat(JSON.readTree(none.call("writeTextFile", JSON.readTree("{\"path\":\"a.txt\",\"text\":\"x\"}")))
                    .get("path").asText()).isEqualTo("a.txt");
        }
        try (BaseSkill listed = new BaseSkill(Workspace.at(ws), todos,
                Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")),
                ai.perstack.server.skills.StdioPolicy.only(java.util.List.of("touch")))) {
            assertThat(JSON.readTree(listed.call("exec", JSON.readTree(touch.replace("touch", "rm")))).toString())
                    .contains("command rm is not allowed on this server (allowed: touch)");
            assertThat(JSON.readTree(listed.call("exec", JSON.readTree(touch))).has("output")).isTrue();
            assertThat(ws.resolve("ran")).exists();
        }
    }

    @Test
    void closeEndsARunningCommandAndItsChildren() throws Exception {
        var running = java.util.concurrent.CompletableFuture.supplyAsync(() -> base.call("exec", json(
                "{\"command\":\"sh\",\"args\":[\"-c\",\"sleep 300 & echo $! > pid; wait\"],\"env\":{},\"cwd\":\".\","
                        + "\"stdout\":true,\"stderr\":true,\"timeout\":600000}")));
        Path pidFile = ws.resolve("pid");
        while (!Files.exists(pidFile) || Files.readString(pidFile).isBlank()) {
            Thread.onSpinWait();
        }
        long grandchild = Long.parseLong(Files.readString(pidFile).trim());
        base.close();
        assertThat(JSON.readTree(running.get(30, java.util.concurrent.TimeUnit.SECONDS)).get("error").asText())
                .isEqualTo("Command was canceled");
        assertThat(ProcessHandle.of(grandchild).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
