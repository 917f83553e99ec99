package ai.perstack.server.http;

import ai.perstack.server.domain.ApiException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link JsonText} and {@link JsonCodec#parse}: what they accept survives UTF-8 unchanged; the rest is a 400. */
class JsonTextPropertiesTest {
    private final JsonCodec json = new JsonCodec();

    /** Any UTF-16 text, lone surrogates and NUL included. */
    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMaxLength(40);
    }

    @Property(tries = 2000)
    void acceptedTextIsExactlyTheTextUtf8KeepsAndThatHasNoNul(@ForAll("anyText") String s) {
        boolean keptByUtf8 = new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(s);
        assertThat(JsonText.rule(s) == null).as("%s", escaped(s)).isEqualTo(keptByUtf8 && s.indexOf('\u0000') < 0);
    }

    @Property(tries = 2000)
    void aBodyWithSuchTextParsesOrIsA400NamingTheField(@ForAll("anyText") String s) {
        String body = "{\"outer\":{\"list\":[1,\"" + escaped(s) + "\"]}}";
        if (JsonText.rule(s) == null) {
            assertThat(json.parse(body.getBytes(StandardCharsets.UTF_8)).path("outer").path("list").get(1).asText())
                    .isEqualTo(s);
        } else {
            assertThatThrownBy(() -> json.parse(body.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.fieldErrors()).containsKey("outer.list[1]"));
        }
    }

    @Property(tries = 300)
    void nestingIsAcceptedUpToTheBoundAndA400Beyond(@ForAll @IntRange(min = 1, max = 300) int depth) {
        String body = "[".repeat(depth) + "]".repeat(depth);
        if (depth <= JsonText.MAX_DEPTH) {
            assertThat(json.parse(body.getBytes(StandardCharsets.UTF_8)).isArray()).isTrue();
        } else {
            assertThatThrownBy(() -> json.parse(body.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.fieldErrors()).containsKey("body"));
        }
    }

    /** {@code s} as the inside of a JSON string, every character as a {@code \\uXXXX} escape. */
    private static String escaped(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(String.format("\\u%04x", (int) c));
        }
        return b.toString();
    }
}
