package ai.perstack.cli;

import ai.perstack.client.ApiError;
import ai.perstack.client.ApiResult;
import ai.perstack.client.PerstackClient;
import ai.perstack.client.jobs.StagedUpload;
import ai.perstack.client.jobs.UploadRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --upload LOCAL[=REMOTE]} of {@code jobs start}, {@code jobs continue} and {@code run}:
 * each local file is staged on the platform first, then the start or continue names them, so the
 * files are in the job's workspace before its first step (local-platform extension). REMOTE, the
 * path in the workspace, is the local file's name when not given; the last {@code =} splits.
 */
final class Uploads {
    /** The option's help text, shared by every command that takes it. */
    static final String HELP = "A local file for the job's workspace, there before its first step: LOCAL or "
            + "LOCAL=REMOTE (default REMOTE: the file's name); also one of the job's files (repeatable).";

    private Uploads() {
    }

    /** One {@code --upload}: the local file and its path in the workspace. */
    record Spec(Path local, String remote) {
        static Spec parse(String spec) {
            int eq = spec.lastIndexOf('=');
            String local = eq < 0 ? spec : spec.substring(0, eq);
            String remote = eq < 0 ? null : spec.substring(eq + 1);
            if (local.isEmpty() || (remote != null && remote.isEmpty())) {
                throw new UsageException("--upload " + spec + ": give LOCAL or LOCAL=REMOTE");
            }
            Path path = Path.of(local);
            if (!Files.isRegularFile(path)) {
                throw new UsageException("--upload " + spec + ": " + local + " is not a readable file");
            }
            return new Spec(path, remote != null ? remote : path.getFileName().toString());
        }
    }

    /** What staging gave: the entries for the start or continue, or the failure that stopped it. */
    record Staging(List<UploadRef> uploads, ApiError error) {
    }

    /**
     * Checks every spec (a usage error before anything is sent), then stages each file. On a
     * failure the files staged so far are deleted again and the failure is returned.
     */
    static Staging stage(PerstackClient client, List<String> specs) {
        List<Spec> parsed = specs.stream().map(Spec::parse).toList();
        List<UploadRef> uploads = new ArrayList<>();
        for (Spec spec : parsed) {
            ApiResult<StagedUpload> r = client.jobs().workspace().stage(spec.local());
            if (!r.ok()) {
                discard(client, uploads);
                return new Staging(List.of(), r.error());
            }
            uploads.add(new UploadRef(spec.remote(), r.data().id()));
        }
        return new Staging(uploads, null);
    }

    /** Deletes staged uploads a failed start or continue did not take (they would expire anyway). */
    static void discard(PerstackClient client, List<UploadRef> uploads) {
        uploads.forEach(u -> client.jobs().workspace().deleteUpload(u.uploadId()));
    }
}
