package ai.perstack.testkit;

import ai.perstack.client.PerstackClient;
import ai.perstack.client.experts.CreateDraftInput;
import ai.perstack.client.experts.Expert;
import ai.perstack.client.experts.ProviderSkill;
import ai.perstack.client.experts.Skill;
import ai.perstack.client.experts.SkillTool;
import ai.perstack.server.LocalPlatform;
import ai.perstack.server.PlatformConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every core shape of an expert (the three skill types with any of their optional fields, provider
 * skills, tool options, tags, versions) goes client → server → client unchanged: what the client
 * sends is what it reads back, and what it reads back parses to an equal model.
 */
class CoreShapesRoundTripTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalPlatform platform;
    private static PerstackClient client;
    private static String applicationId;

    @BeforeContainer
    static void start() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "round-trip-data", String.valueOf(System.nanoTime())));
        platform = LocalPlatform.start(PlatformConfig.builder().host("127.0.0.1").port(0).dataDir(dir).build());
        client = PerstackClient.builder().apiKey(platform.createApiKey("round-trip")).baseUrl(platform.baseUrl()).build();
        applicationId = client.applications().create(ai.perstack.client.applications.CreateApplicationInput.builder()
                .name("round-trip").build()).orElseThrow().data().application().id();
    }

    @AfterContainer
    static void stop() {
        client.close();
        platform.close();
    }

    @Property(tries = 60)
    void anExpertRoundTripsUnchanged(@ForAll("experts") Expert expert) {
        var draft = client.experts().drafts().create("@round-trip/shapes",
                CreateDraftInput.builder().applicationId(applicationId).addExpert(expert).build()).orElseThrow().data().draft();
        Expert back = draft.experts().get(0);
        assertThat(back.toJson()).isEqualTo(expert.toJson());
        assertThat(back.skills()).isEqualTo(expert.skills());
        assertThat(back.providerSkills()).isEqualTo(expert.providerSkills());
        assertThat(Expert.fromJson(back.toJson()).toJson()).isEqualTo(back.toJson());
    }

    @Provide
    Arbitrary<Expert> experts() {
        Arbitrary<Map<String, Skill>> skills = Arbitraries.maps(names(), skills()).ofMaxSize(4)
                .map(LinkedHashMap::new);
        return Combinators.combine(names(), skills, Arbitraries.of(true, false), names().list().ofMaxSize(8).uniqueElements(),
                        text(1, 40).injectNull(0.3),
                        providerSkills().list().ofMaxSize(2).injectNull(0.5), toolOptions().injectNull(0.5),
                        Arbitraries.of("1.0.0", "2.3.4-beta.1", "0.0.1+build.7").injectNull(0.4))
                .as((name, skillMap, noSkills, tags, description, providerSkills, options, version) -> {
                    Expert.Builder b = Expert.builder().key(name).name(name).instruction("Do " + name + ".");
                    if (noSkills && skillMap.isEmpty()) {
                        b.noSkills();
                    }
                    skillMap.forEach(b::skill);
                    tags.forEach(b::tag);
                    if (description != null) {
                        b.description(description);
                    }
                    if (providerSkills != null) {
                        b.providerSkills(providerSkills).providerTools(List.of("webSearch"));
                    }
                    if (options != null) {
                        b.providerToolOptions(options);
                    }
                    if (version != null) {
                        b.version(version);
                    }
                    return b.build();
                });
    }

    /** Any text the platform accepts: everything but NUL and lone surrogates, which it refuses. */
    private static Arbitrary<String> text(int minLength, int maxLength) {
        return Arbitraries.strings().excludeChars('\u0000').ofMinLength(minLength).ofMaxLength(maxLength)
                .filter(s -> s.chars().noneMatch(c -> Character.isSurrogate((char) c)));
    }

    private static Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('-', '_').ofMinLength(1).ofMaxLength(12)
                .filter(s -> Character.isLetterOrDigit(s.charAt(0)));
    }

    private static Arbitrary<Optional<String>> texts() {
        return text(0, 30).optional(0.5);
    }

    private static Arbitrary<List<String>> lists() {
        return names().list().ofMaxSize(3);
    }

    private static Arbitrary<Skill> skills() {
        Arbitrary<Skill> stdio = Combinators.combine(texts(), texts(), Arbitraries.of("npx", "uvx", "python"),
                        Arbitraries.of(true, false), lists(), lists(), Arbitraries.of(true, false),
                        Arbitraries.of(List.of("example.com"), List.of("*.github.com", "api.example.org")).optional(0.3))
                .as((description, rule, command, usePackage, pick, omit, lazy, domains) -> new Skill.McpStdio(description, rule,
                        command, usePackage ? Optional.of("@acme/mcp") : Optional.empty(), usePackage ? List.of() : List.of("-y", "pkg"),
                        pick, omit, List.of("TOKEN_A"), lazy, domains));
        Arbitrary<Skill> sse = Combinators.combine(texts(), texts(), names(), lists(), lists())
                .as((description, rule, host, pick, omit) -> new Skill.McpSse(description, rule,
                        "https://" + host.replace('_', 'x') + ".example.com/sse", pick, omit, Optional.empty()));
        Arbitrary<SkillTool> tool = Combinators.combine(texts(), Arbitraries.of("{}", "{\"type\":\"object\"}",
                        "{\"type\":\"object\",\"properties\":{\"q\":{\"type\":\"string\",\"description\":\"ü — ✓\"}}}"))
                .as(SkillTool::new);
        Arbitrary<Skill> interactive = Combinators.combine(texts(), texts(), Arbitraries.maps(names(), tool).ofMaxSize(3))
                .as((description, rule, tools) -> new Skill.Interactive(description, rule, new LinkedHashMap<>(tools)));
        return Arbitraries.oneOf(stdio, sse, interactive);
    }

    private static Arbitrary<ProviderSkill> providerSkills() {
        return Arbitraries.oneOf(Arbitraries.of("pdf", "docx", "pptx", "xlsx").map(ProviderSkill::builtin),
                Combinators.combine(names(), text(1, 20)).as(ProviderSkill::custom));
    }

    private static Arbitrary<JsonNode> toolOptions() {
        return Combinators.combine(Arbitraries.integers().between(1, 10).injectNull(0.5), Arbitraries.of(true, false))
                .as((maxUses, fileSearch) -> {
                    ObjectNode options = JSON.createObjectNode();
                    if (maxUses != null) {
                        options.putObject("webSearch").put("maxUses", maxUses).putArray("allowedDomains").add("example.com");
                        options.putObject("webFetch").put("maxUses", maxUses);
                    }
                    if (fileSearch) {
                        options.putObject("fileSearch").put("maxNumResults", 3).putArray("vectorStoreIds").add("vs_1");
                    }
                    return options;
                });
    }
}
