package ai.perstack.client.sse;

import ai.perstack.client.jobs.JobStatus;

/**
 * A typed event of a checkpoint stream, the counterpart of what the TypeScript
 * {@code parseCheckpointSSE} yields: {@link Checkpoint}, {@link Done} or {@link Error}. Data
 * that cannot be read becomes an {@link Error}, never an exception.
 */
public sealed interface CheckpointEvent {

    /**
     * {@code checkpoint}, {@code done} or {@code error}.
     *
     * @return the event type
     */
    String type();

    /** A checkpoint. @param data the checkpoint @param id the event id (the checkpoint's sequence) */
    record Checkpoint(ai.perstack.client.jobs.Checkpoint data, String id) implements CheckpointEvent {
        @Override
        public String type() {
            return "checkpoint";
        }
    }

    /** The job stopped and every checkpoint was sent. @param status the job's status */
    record Done(JobStatus status) implements CheckpointEvent {
        @Override
        public String type() {
            return "done";
        }
    }

    /** The server reported a failure, or an event's data could not be read. @param message what went wrong */
    record Error(String message) implements CheckpointEvent {
        @Override
        public String type() {
            return "error";
        }
    }
}
