package ai.perstack.client.jobs;

import ai.perstack.client.internal.JsonIn;

/**
 * One delegate a step handed work to (a checkpoint stopped by delegation lists them).
 *
 * @param expert     the delegate
 * @param toolCallId the model's call of the delegate
 * @param toolName   the tool name the delegate goes by
 * @param query      what it is asked
 */
public record DelegationTarget(CheckpointExpert expert, String toolCallId, String toolName, String query) {

    static DelegationTarget read(JsonIn in) {
        return new DelegationTarget(in.object("expert", CheckpointExpert::read), in.string("toolCallId"),
                in.string("toolName"), in.string("query"));
    }
}
