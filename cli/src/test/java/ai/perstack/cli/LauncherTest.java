package ai.perstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./perstack} launcher, run by bash in a copy of the project layout whose {@code mvnw}
 * "builds" by copying a small jar: it builds only when the jar is missing or older than the
 * sources, says so in exactly one line, and is silent otherwise.
 */
class LauncherTest {
    @TempDir
    Path root;
    private Path probeJar;

    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void layOut() throws IOException {
        Files.copy(Path.of("..", "perstack"), root.resolve("perstack"));
        executable(root.resolve("perstack"));
        for (String file : List.of("pom.xml", "api/openapi.yaml", "client/pom.xml", "server/pom.xml", "cli/pom.xml",
                "client/src/main/java/A.java", "server/src/main/java/B.java", "cli/src/main/java/C.java", "cli/src/test/java/T.java")) {
            Files.createDirectories(root.resolve(file).getParent());
            Files.writeString(root.resolve(file), "");
            Files.setLastModifiedTime(root.resolve(file), FileTime.from(Instant.now().minusSeconds(3600)));
        }
        probeJar = root.resolve("probe.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
        String entry = LauncherProbe.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(probeJar); JarOutputStream jar = new JarOutputStream(file, manifest);
             InputStream cls = LauncherProbe.class.getClassLoader().getResourceAsStream(entry)) {
            jar.putNextEntry(new JarEntry(entry));
            cls.transferTo(jar);
            jar.closeEntry();
        }
        mvnw("mkdir -p cli/target && cp probe.jar cli/target/perstack-cli.jar && echo built >> builds.log");
    }

    private void mvnw(String body) throws IOException {
        Files.writeString(root.resolve("mvnw"), "#!/usr/bin/env bash\n" + body + "\n");
        executable(root.resolve("mvnw"));
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Run launch(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", root.resolve("perstack").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out, err);
    }

    private long builds() throws IOException {
        Path log = root.resolve("builds.log");
        return Files.exists(log) ? Files.readAllLines(log).size() : 0;
    }

    @Test
    void buildsOnceWithOneLineThenStartsQuietly() throws Exception {
        Run first = launch("apps", "list");
        assertThat(first.err()).isEqualTo("Building perstack…\n");
        assertThat(first.out()).isEqualTo("probe apps list\n");
        assertThat(first.code()).isZero();

        Run second = launch("--version");
        assertThat(second.err()).isEmpty();
        assertThat(second.out()).isEqualTo("probe --version\n");
        assertThat(builds()).isEqualTo(1);
    }

    @Test
    void rebuildsWhenASourceIsNewerThanTheJarButNotForTests() throws Exception {
        launch("x");
        Path jar = root.resolve("cli/target/perstack-cli.jar");
        try (var paths = Files.walk(root)) {
            for (Path p : paths.toList()) {
                Files.setLastModifiedTime(p, FileTime.from(Instant.now().minusSeconds(3600)));
            }
        }
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));

        Files.setLastModifiedTime(root.resolve("cli/src/test/java/T.java"), FileTime.from(Instant.now()));
        assertThat(launch("x").err()).isEmpty();
        assertThat(builds()).isEqualTo(1);

        Files.setLastModifiedTime(root.resolve("server/src/main/java/B.java"), FileTime.from(Instant.now()));
        Run rebuilt = launch("x");
        assertThat(rebuilt.err()).isEqualTo("Building perstack…\n");
        assertThat(rebuilt.out()).isEqualTo("probe x\n");
        assertThat(builds()).isEqualTo(2);
    }

    @Test
    void aFailedBuildShowsTheBuildOutputAndExitsOne() throws Exception {
        mvnw("echo '[ERROR] COMPILATION ERROR: C.java' ; exit 1");
        Run failed = launch("demo");
        assertThat(failed.code()).isEqualTo(1);
        assertThat(failed.out()).isEmpty();
        assertThat(failed.err()).isEqualTo("Building perstack…\n[ERROR] COMPILATION ERROR: C.java\n"
                + "perstack: the build failed (output above)\n");
    }
}
