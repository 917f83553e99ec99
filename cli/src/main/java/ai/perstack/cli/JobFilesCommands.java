package ai.perstack.cli;

import ai.perstack.client.ApiResult;
import ai.perstack.client.PerstackClient;
import ai.perstack.client.jobs.WorkspaceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code perstack jobs files} and {@code jobs download}: a job's workspace (local-platform extension). */
final class JobFilesCommands {
    private JobFilesCommands() {
    }

    @Command(name = "files", mixinStandardHelpOptions = true,
            description = "List the files in a job's workspace (local platform).",
            footerHeading = "%nExample:%n", footer = "  perstack jobs files JOB_ID")
    static final class ListFiles extends ApiCommand {
        @Parameters(paramLabel = "JOB_ID")
        String id;

        @Override
        int run(PerstackClient client, Output out) {
            return out.show(client.jobs().workspace().list(id), r -> r.json(), r -> {
                Table t = new Table("PATH", "SIZE", "MODIFIED");
                r.files().forEach(f -> t.row(f.path(), Text.number(f.size()), Text.time(f.modified())));
                out.table(t, "No files.");
            }, r -> r.files().stream().map(WorkspaceFile::path).toList());
        }
    }

    @Command(name = "download", mixinStandardHelpOptions = true,
            description = "Download a file from a job's workspace (local platform): to FILE with -f, else to standard output.",
            footerHeading = "%nExample:%n", footer = "  perstack jobs download JOB_ID out/report.md -f report.md")
    static final class Download extends ApiCommand {
        @Parameters(index = "0", paramLabel = "JOB_ID")
        String id;

        @Parameters(index = "1", paramLabel = "PATH", description = "The file's path in the workspace.")
        String path;

        @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Write to FILE (replaced whole) instead of standard output.")
        Path file;

        @Override
        int run(PerstackClient client, Output out) {
            ApiResult<byte[]> r = client.jobs().workspace().download(id, path);
            if (!r.ok()) {
                return out.error(r.error());
            }
            byte[] bytes = r.data();
            try {
                if (file == null) {
                    out.out().write(bytes);
                    out.out().flush();
                } else {
                    // written beside the target and moved into place: never a half-written FILE
                    Path target = file.toAbsolutePath();
                    Path temp = Files.createTempFile(target.getParent(), ".perstack-download-", ".part");
                    try {
                        Files.write(temp, bytes);
                        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    } finally {
                        Files.deleteIfExists(temp);
                    }
                    out.note("Wrote " + bytes.length + " bytes to " + file);
                }
            } catch (IOException e) {
                throw new UsageException("cannot write " + file + ": " + e.getMessage());
            }
            return 0;
        }
    }
}
