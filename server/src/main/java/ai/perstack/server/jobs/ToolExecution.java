package ai.perstack.server.jobs;

import ai.perstack.server.providers.Action;
import ai.perstack.server.skills.ResultPart;
import ai.perstack.server.skills.SkillSet;
import ai.perstack.server.skills.SkillStartException;
import ai.perstack.server.skills.ToolResult;
import ai.perstack.server.skills.UnknownToolException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a step's skill calls through the member's skills, all at once (the skill set bounds how many run
 * together), and gives every call a result: an unknown tool or a skill that cannot start is an error result the
 * model reads, as a tool's own failure is. A cancel ends the calls (closing the skills) and the step.
 */
final class ToolExecution {

    /** Opens (or finds open) the member's skills. */
    @FunctionalInterface
    interface Skills {
        SkillSet open() throws SkillStartException;
    }

    /** The results of {@code calls}, in their order. */
    List<ToolResult> run(List<Action.Call> calls, Skills skills, StepInterrupts.Token token) throws InterruptedException {
        ToolResult[] out = new ToolResult[calls.size()];
        List<Integer> real = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            Action.Call c = calls.get(i);
            if (c.presetResult() != null) {
                out[i] = text(c, c.presetResult());
            } else {
                real.add(i);
            }
        }
        try {
            if (!real.isEmpty()) {
                runReal(calls, real, skills, out);
            }
        } finally {
            if (token.canceled()) {
                throw new InterruptedException(token.shutdownRequested() ? "the server stops" : "the job was canceled");
            }
        }
        return Arrays.asList(out);
    }

    private static void runReal(List<Action.Call> calls, List<Integer> real, Skills skills, ToolResult[] out) {
        SkillSet set;
        try {
            set = skills.open();
        } catch (SkillStartException e) {
            real.forEach(i -> out[i] = text(calls.get(i), "Error calling tool " + calls.get(i).toolName() + ": "
                    + e.getMessage()));
            return;
        }
        List<Integer> known = new ArrayList<>();
        List<SkillSet.Call> step = new ArrayList<>();
        for (int i : real) {
            Action.Call c = calls.get(i);
            try {
                if (set.find(c.toolName()).isEmpty()) {
                    out[i] = text(c, new UnknownToolException(c.toolName()).getMessage());
                    continue;
                }
            } catch (SkillStartException e) {
                out[i] = text(c, "Error calling tool " + c.toolName() + ": " + e.getMessage());
                continue;
            }
            known.add(i);
            step.add(new SkillSet.Call(c.toolName(), c.args()));
        }
        if (step.isEmpty()) {
            return;
        }
        try {
            List<ToolResult> results = set.callAll(step);
            for (int k = 0; k < known.size(); k++) {
                out[known.get(k)] = results.get(k);
            }
        } catch (UnknownToolException | SkillStartException e) {
            known.forEach(i -> out[i] = text(calls.get(i), "Error calling tool " + calls.get(i).toolName() + ": "
                    + e.getMessage()));
        }
    }

    private static ToolResult text(Action.Call c, String text) {
        return new ToolResult(c.skillName(), c.toolName(), List.of(new ResultPart.Text(text)));
    }
}
