package ai.perstack.examples;

import ai.perstack.client.PerstackClient;
import ai.perstack.client.experts.AssignVersionInput;
import ai.perstack.client.experts.CreateDraftInput;
import ai.perstack.client.experts.Expert;
import ai.perstack.client.experts.ExpertDraft;
import ai.perstack.client.experts.Skill;
import ai.perstack.client.experts.SkillTool;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;

/** The expert the examples publish and run: a writer that can ask the user a question. */
public final class DemoExpert {
    private DemoExpert() {
    }

    /** A haiku writer with an interactive skill {@code ask} (tool {@code askUser}). */
    public static Expert writer(String instruction) {
        SkillTool askUser = SkillTool.of("Ask the user one question", new ObjectMapper().createObjectNode()
                .put("type", "object")
                .set("properties", new ObjectMapper().createObjectNode()
                        .set("question", new ObjectMapper().createObjectNode().put("type", "string"))));
        return Expert.builder()
                .key("main")
                .name("haiku-writer")
                .description("Writes haiku, and asks when the subject is unclear")
                .instruction(instruction)
                .skill("ask", Skill.interactive("Ask the user", Map.of("askUser", askUser)))
                .build();
    }

    /** Publishes the writer as {@code version} of {@code scope} (draft, then version) and returns the draft. */
    public static ExpertDraft publish(PerstackClient client, String scope, String applicationId, String version) {
        ExpertDraft draft = client.experts().drafts().create(scope, CreateDraftInput.builder()
                .applicationId(applicationId)
                .addExpert(writer("You write haiku."))
                .build()).orElseThrow().data().draft();
        client.experts().drafts().assignVersion(scope, draft.id(), AssignVersionInput.of(version)).orElseThrow();
        return draft;
    }
}
