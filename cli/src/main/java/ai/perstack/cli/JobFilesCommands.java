package ai.perstack.cli;

import ai.perstack.client.ApiResult;
import ai.perstack.client.PerstackClient;
import ai.perstack.client.jobs.WorkspaceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
            // streamed into a file, never held whole: beside FILE and moved into place, or a
            // temporary file copied to standard output
            Path target;
            try {
                target = file != null ? file.toAbsolutePath() : Files.createTempFile("perstack-download-", ".part");
            } catch (IOException e) {
                throw new UsageException("cannot create a temporary file: " + e.getMessage());
            }
            try {
                ApiResult<Path> r = client.jobs().workspace().download(id, path, target);
                if (!r.ok()) {
                    return out.error(r.error());
                }
                if (file == null) {
                    Files.copy(target, out.out());
                    out.out().flush();
                } else {
                    out.note("Wrote " + Files.size(target) + " bytes to " + file);
                }
            } catch (IOException e) {
                throw new UsageException("cannot write " + (file != null ? file : "standard output") + ": " + e.getMessage());
            } finally {
                if (file == null) {
                    try {
                        Files.deleteIfExists(target);
                    } catch (IOException e) {
                        // a temporary file left behind
                    }
                }
            }
            return 0;
        }
    }
}
