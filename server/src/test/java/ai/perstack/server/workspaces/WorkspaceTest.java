package ai.perstack.server.workspaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Core's confinement rules for the paths a job names, and the user's uploads and downloads. */
class WorkspaceTest {
    private static Path outside;
    private static Path root;

    @TempDir
    Path dir;

    @BeforeContainer
    static void layoutForProperties() throws IOException {
        layout(Files.createTempDirectory("ws-prop"));
    }

    /** A workspace with a sibling directory outside it, links leading out and in, and the reserved directory. */
    static void layout(Path base) throws IOException {
        outside = Files.createDirectories(base.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        root = Files.createDirectories(base.resolve("ws"));
        Files.createDirectories(root.resolve("sub/deeper"));
        Files.writeString(root.resolve("sub/file.txt"), "inside");
        Files.createDirectories(root.resolve("perstack"));
        Files.createSymbolicLink(root.resolve("escape"), outside);
        Files.createSymbolicLink(root.resolve("sub/up"), Path.of("../../outside"));
        Files.createSymbolicLink(root.resolve("inner-link"), root.resolve("sub"));
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        try (var walk = Files.walk(root.getParent())) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Paths built from segments that include every escape trick: "..", absolute roots, "~", links. */
    @Provide
    Arbitrary<String> hostilePaths() {
        Arbitrary<String> segment = Arbitraries.of("..", ".", "sub", "deeper", "escape", "up", "inner-link",
                "perstack", "PerStack", "new", "file.txt", "secret.txt", "outside", "");
        Arbitrary<String> prefix = Arbitraries.of("", "/", "~/", "./", "//", root.toString() + "/",
                outside.toString() + "/", "/etc/", "/tmp/");
        return Combinators.combine(prefix, segment.list().ofMinSize(1).ofMaxSize(6))
                .as((p, segs) -> p + String.join("/", segs));
    }

    @Property(tries = 500)
    void noResolvedPathEverLeavesTheWorkspaceOrEntersTheReservedDirectory(@ForAll("hostilePaths") String path)
            throws IOException {
        Workspace ws = Workspace.at(root);
        Path resolved;
        try {
            resolved = ws.resolve(path);
        } catch (PathRefusedException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        assertThat(resolved.normalize().startsWith(ws.root())).as("%s inside", path).isTrue();
        assertThat(ws.isReserved(resolved)).isFalse();
        Path real = Files.exists(resolved) ? resolved.toRealPath() : nearestReal(resolved);
        assertThat(real.startsWith(ws.root())).as("real path of %s inside", path).isTrue();
        assertThat(real.toString().toLowerCase()).doesNotStartWith(ws.root().resolve("perstack").toString());
    }

    private static Path nearestReal(Path p) throws IOException {
        Path a = p.getParent();
        while (!Files.exists(a)) {
            a = a.getParent();
        }
        return a.toRealPath();
    }

    @Test
    void namedRulesRefuseEachKindOfEscape() throws Exception {
        layout(dir);
        Workspace ws = Workspace.at(root);
        assertThat(ws.resolve("sub/file.txt")).isEqualTo(ws.root().resolve("sub/file.txt"));
        assertThat(ws.resolve(ws.root() + "/sub")).isEqualTo(ws.root().resolve("sub"));
        assertThat(ws.resolve("inner-link")).isEqualTo(ws.root().resolve("inner-link"));
        assertThat(ws.resolve("new/dir/file.txt")).isEqualTo(ws.root().resolve("new/dir/file.txt"));
        assertRefused(ws, "../outside/secret.txt", "outside allowed directories");
        assertRefused(ws, outside + "/secret.txt", "outside allowed directories");
        assertRefused(ws, "~/x", "outside allowed directories");
        assertRefused(ws, "escape/secret.txt", "outside allowed directories");
        assertRefused(ws, "escape", "outside allowed directories");
        assertRefused(ws, "sub/up/secret.txt", "outside allowed directories");
        assertRefused(ws, "perstack", "reserved directory");
        assertRefused(ws, "PERSTACK/x.txt", "reserved directory");
        assertRefused(ws, "", "must not be empty");
        assertRefused(ws, "a\0b", "NUL");
        assertRefused(ws, "sub/file.txt/below", "Parent is not a directory");
    }

    private static void assertRefused(Workspace ws, String path, String rule) {
        assertThatThrownBy(() -> ws.resolve(path)).as(path).isInstanceOf(PathRefusedException.class)
                .hasMessageContaining(rule);
    }

    @Test
    void uploadsAreConfinedSizedAndWholeAndDownloadsServeOnlyRegularFiles() throws Exception {
        layout(dir);
        Workspace ws = new Workspaces(dir.resolve("all")).forJob("job1");
        byte[] data = "hello".getBytes(StandardCharsets.UTF_8);
        FileLimits limits = new FileLimits(100, 1000, 1000, 10, 10, java.time.Duration.ofMinutes(1));
        assertThat(WorkspaceFiles.put(ws, "in/a.txt", new ByteArrayInputStream(data), limits)).isEqualTo(5);
        assertThat(Files.readString(ws.root().resolve("in/a.txt"))).isEqualTo("hello");
        assertThatThrownBy(() -> WorkspaceFiles.put(ws, "big.bin", new ByteArrayInputStream(new byte[101]), limits))
                .isInstanceOf(ai.perstack.server.domain.ApiException.class)
                .hasMessageContaining("limited to 100 bytes (maxFileBytes)");
        assertThat(ws.root().resolve("big.bin")).doesNotExist();
        for (String bad : List.of("../x", "/etc/passwd", "~/x", "a/../b", "a//b", "a\\b", "perstack/x", "./a", "")) {
            assertThatThrownBy(() -> WorkspaceFiles.put(ws, bad, new ByteArrayInputStream(data), limits)).as(bad)
                    .isInstanceOf(PathRefusedException.class);
        }
        Files.createSymbolicLink(ws.root().resolve("link"), outside.resolve("secret.txt"));
        assertThatThrownBy(() -> WorkspaceFiles.open(ws, "link")).isInstanceOf(PathRefusedException.class);
        assertThatThrownBy(() -> WorkspaceFiles.open(ws, "in")).isInstanceOf(PathRefusedException.class);
        try (OpenedFile opened = WorkspaceFiles.open(ws, "in/a.txt")) {
            assertThat(opened.size()).isEqualTo(5);
            assertThat(java.nio.channels.Channels.newInputStream(opened.channel()).readAllBytes()).isEqualTo(data);
        }
        Files.createDirectories(ws.root().resolve("perstack"));
        Files.writeString(ws.root().resolve("perstack/internal"), "x");
        assertThat(WorkspaceFiles.list(ws)).extracting(WorkspaceFile::path).containsExactly("in/a.txt");
        try (var files = Files.list(ws.root().resolve("in"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("a.txt");
        }
    }

    @Test
    void workspacesAreOnePerJobAndDeletedWithoutFollowingLinks() throws Exception {
        layout(dir);
        Workspaces all = new Workspaces(dir.resolve("all"));
        Workspace ws = all.forJob("job-1");
        assertThat(all.exists("job-1")).isTrue();
        Files.writeString(ws.root().resolve("f.txt"), "x");
        Files.createSymbolicLink(ws.root().resolve("out"), outside);
        assertThat(all.forJob("job-1").root()).isEqualTo(ws.root());
        all.delete("job-1");
        assertThat(all.exists("job-1")).isFalse();
        assertThat(outside.resolve("secret.txt")).exists();
        assertThatThrownBy(() -> all.forJob("../evil")).isInstanceOf(IllegalArgumentException.class);
    }
}
