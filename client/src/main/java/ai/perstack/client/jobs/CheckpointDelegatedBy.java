package ai.perstack.client.jobs;

import ai.perstack.client.internal.JsonIn;

/**
 * In a delegate's run: the parent's call that started it.
 *
 * @param expert       the delegating expert
 * @param toolCallId   the parent's tool call
 * @param toolName     the tool name of that call
 * @param checkpointId the parent's checkpoint that stopped for the delegation
 * @param runId        the parent's run
 */
public record CheckpointDelegatedBy(CheckpointExpert expert, String toolCallId, String toolName, String checkpointId,
                                    String runId) {

    static CheckpointDelegatedBy read(JsonIn in) {
        return new CheckpointDelegatedBy(in.object("expert", CheckpointExpert::read), in.string("toolCallId"),
                in.string("toolName"), in.string("checkpointId"), in.string("runId"));
    }
}
