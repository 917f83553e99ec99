package ai.perstack.client.experts;

import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** The skill and provider-skill unions read back from their own JSON as equal values; unknown types are kept as received. */
class SkillUnionPropertiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Property
    void aSkillReadsBackFromItsJson(@ForAll("skills") Skill skill, @ForAll("names") String name) {
        ObjectNode json = skill.toJson(name);
        assertThat(json.get("name").asText()).isEqualTo(name);
        Skill back = Skill.of(json);
        assertThat(back).isEqualTo(skill);
        assertThat(back.toJson(name)).isEqualTo(json);
    }

    @Property
    void aProviderSkillReadsBackFromItsJson(@ForAll("providerSkills") ProviderSkill skill) {
        assertThat(ProviderSkill.read(JsonIn.of(skill.toJson(), "providerSkill"))).isEqualTo(skill);
    }

    @Property
    void aSkillOfAnUnknownTypeIsKeptAsReceived(@ForAll("names") String type, @ForAll("names") String field) {
        ObjectNode json = JSON.createObjectNode().put("type", "future" + type).put(field, 42);
        json.putObject("nested").put("description", "kept");
        Skill skill = Skill.of(json);
        assertThat(skill).isInstanceOf(Skill.Unknown.class);
        assertThat(skill.type()).isEqualTo("future" + type);
        assertThat(skill.toJson("x")).isEqualTo(json);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().alpha().numeric().withChars('-', '_', '@', '/', '.').ofMinLength(1).ofMaxLength(20);
    }

    private static Arbitrary<Optional<String>> texts() {
        return Arbitraries.strings().ofMaxLength(40).optional(0.5);
    }

    private Arbitrary<List<String>> lists() {
        return names().list().ofMaxSize(4);
    }

    @Provide
    Arbitrary<Skill> skills() {
        Arbitrary<Skill.McpStdio> head = Combinators.combine(texts(), texts(), names(), names().optional(0.5), lists())
                .as((d, r, command, pkg, args) -> new Skill.McpStdio(d, r, command, pkg, args, List.of(), List.of(), List.of(),
                        false, Optional.empty()));
        Arbitrary<Skill> stdio = Combinators.combine(head, lists(), lists(), lists(), Arbitraries.of(true, false), lists().optional(0.3))
                .as((h, pick, omit, env, lazy, domains) -> new Skill.McpStdio(h.description(), h.rule(), h.command(), h.packageName(),
                        h.args(), pick, omit, env, lazy, domains));
        Arbitrary<Skill> sse = Combinators.combine(texts(), texts(), names(), lists(), lists(), lists().optional(0.3))
                .as((d, r, host, pick, omit, domains) -> new Skill.McpSse(d, r, "https://" + host + ".example", pick, omit, domains));
        Arbitrary<SkillTool> tool = Combinators.combine(texts(), Arbitraries.strings().ofMaxLength(60))
                .as(SkillTool::new);
        Arbitrary<Skill> interactive = Combinators.combine(texts(), texts(), Arbitraries.maps(names(), tool).ofMaxSize(4))
                .as((d, r, tools) -> new Skill.Interactive(d, r, new LinkedHashMap<>(tools)));
        return Arbitraries.oneOf(stdio, sse, interactive);
    }

    @Provide
    Arbitrary<ProviderSkill> providerSkills() {
        return Arbitraries.oneOf(Arbitraries.of("pdf", "docx", "pptx", "xlsx").map(ProviderSkill::builtin),
                Combinators.combine(names(), Arbitraries.strings().ofMinLength(1).ofMaxLength(30)).as(ProviderSkill::custom));
    }

    @Property(tries = 50)
    void theToolsOrderIsKept(@ForAll("names") String a, @ForAll("names") String b) {
        net.jqwik.api.Assume.that(!a.equals(b));
        LinkedHashMap<String, SkillTool> tools = new LinkedHashMap<>();
        tools.put(a, SkillTool.of(null, JSON.createObjectNode()));
        tools.put(b, SkillTool.of("second", JSON.createObjectNode().put("type", "object")));
        JsonNode json = new Skill.Interactive(Optional.empty(), Optional.empty(), tools).toJson("s");
        assertThat(Skill.of(json).tools().keySet()).containsExactly(a, b);
        assertThat(Skill.of(json).tools().get(a).inputJsonSchemaNode()).isEqualTo(JSON.createObjectNode());
    }
}
