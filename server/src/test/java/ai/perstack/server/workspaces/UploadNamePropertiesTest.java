package ai.perstack.server.workspaces;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Upload names and the file system agree: a name {@link WorkspaceFiles#nameProblem} accepts can
 * always be written (never an error of the file system), and one it refuses names the rule.
 */
class UploadNamePropertiesTest {
    private static final FileLimits LIMITS = new FileLimits(16, 1 << 20, 1 << 20, 10, 10, Duration.ofMinutes(1));
    private static Path dir;
    private static Workspace workspace;

    @BeforeContainer
    static void open() throws IOException {
        dir = Files.createTempDirectory("names");
        workspace = new Workspaces(dir).forJob("job1");
    }

    @AfterContainer
    static void delete() throws IOException {
        FileTrees.delete(dir);
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> segment = Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().withChars('-', '_', '.', ' ').ofMinLength(1).ofMaxLength(300),
                Arbitraries.strings().withCharRange('\u00e0', '\u00ff').ofMinLength(1).ofMaxLength(160),
                Arbitraries.strings().withCharRange('\u4e00', '\u4e80').ofMinLength(1).ofMaxLength(100));
        return segment.list().ofMinSize(1).ofMaxSize(24).map(s -> String.join("/", s));
    }

    @Property(tries = 300)
    void anAcceptedNameIsWritableAndARefusedOneSaysWhy(@ForAll("names") String name) throws Exception {
        String problem = WorkspaceFiles.nameProblem(name);
        List<String> segments = Arrays.asList(name.split("/", -1));
        boolean fsFits = segments.stream().allMatch(s -> s.getBytes(StandardCharsets.UTF_8).length <= 255)
                && name.getBytes(StandardCharsets.UTF_8).length <= 4096 && name.length() <= 10240;
        boolean plain = segments.stream().noneMatch(s -> s.equals(".") || s.equals(".."))
                && !segments.get(0).equalsIgnoreCase("perstack") && !name.isBlank();
        if (!fsFits || !plain) {
            assertThat(problem).as(name).isNotNull();
            return;
        }
        assertThat(problem).as(name).isNull();
        try {
            assertThat(WorkspaceFiles.put(workspace, name, new ByteArrayInputStream(new byte[] {1}), LIMITS)).isEqualTo(1);
        } catch (PathRefusedException e) {
            // an earlier name made a file where this one needs a directory: refused by rule, not by the file system
            assertThat(e.getMessage()).contains("directory");
        }
    }
}
