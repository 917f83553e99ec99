package ai.perstack.cli;

import ai.perstack.client.ApiError;
import ai.perstack.client.jobs.JobStatus;
import java.util.Map;

/** What the {@code perstack} exit codes mean. */
final class ExitCodes {
    /** The command did what was asked. */
    static final int OK = 0;
    /** The API (or the network to it) failed the call. */
    static final int API_ERROR = 1;
    /** The command line was wrong: unknown option, missing argument, invalid value, no API key. */
    static final int USAGE = 2;
    /** A followed job ended without completing: stopped by an error or by max steps, or canceled. */
    static final int JOB_UNSUCCESSFUL = 3;

    private ExitCodes() {
    }

    /** An input rejected by the client before any request was sent is a usage error; anything else an API error. */
    static int of(ApiError error) {
        boolean rejectedInput = error.code() == 0 && !error.aborted() && error.reason() instanceof Map<?, ?>
                && error.message().startsWith("invalid input");
        return rejectedInput ? USAGE : API_ERROR;
    }

    /**
     * The exit code for where a followed job stopped: completed, or waiting for an answer to an
     * interactive tool (it did not fail; {@code jobs continue} goes on), is success.
     */
    static int of(JobStatus status) {
        if (status == null) {
            return API_ERROR;
        }
        return status.equals(JobStatus.COMPLETED) || status.equals(JobStatus.STOPPED_BY_INTERACTIVE_TOOL)
                || !status.isFinal() ? OK : JOB_UNSUCCESSFUL;
    }
}
