package ai.perstack.server.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The mock's script: /tool and /with lines group into replies, and the replies are laid out in core's order. */
class MockScriptPropertiesTest {

    @Provide
    Arbitrary<List<Integer>> groups() {
        return Arbitraries.integers().between(1, 4).list().ofMaxSize(6);
    }

    @Property
    void everyToolLineStartsAReplyAndEveryWithLineJoinsIt(@ForAll("groups") List<Integer> groups,
                                                          @ForAll @IntRange(min = 0, max = 3) int empty,
                                                          @ForAll @Size(max = 3) List<@net.jqwik.api.constraints.AlphaChars
                                                                  @net.jqwik.api.constraints.StringLength(min = 1, max = 6) String> delegates) {
        List<String> lines = new ArrayList<>();
        lines.add("/empty " + empty);
        int n = 0;
        for (int size : groups) {
            lines.add("/tool s t" + n++ + " {\"i\":" + n + "}");
            for (int i = 1; i < size; i++) {
                lines.add("/with s t" + n++);
            }
        }
        delegates.forEach(d -> lines.add("/delegate " + d + " do " + d));
        lines.add("The task");
        MockScript s = MockScript.parse(String.join("\n", lines));
        assertThat(s.toolSteps).extracting(List::size).containsExactlyElementsOf(groups);
        assertThat(s.tools).hasSize(groups.stream().mapToInt(Integer::intValue).sum());
        assertThat(s.delegations).hasSize(delegates.size());
        assertThat(s.task).isEqualTo("The task");
        List<MockScript.Kind> kinds = new ArrayList<>();
        for (int p = 0; p < 1 + empty + groups.size() + s.steps + (delegates.isEmpty() ? 0 : 1) + 1; p++) {
            kinds.add(s.kindAt(p));
        }
        List<MockScript.Kind> expected = new ArrayList<>();
        expected.add(MockScript.Kind.QUERY);
        for (int i = 0; i < empty; i++) {
            expected.add(MockScript.Kind.EMPTY);
        }
        groups.forEach(g -> expected.add(MockScript.Kind.TOOL));
        for (int i = 0; i < s.steps; i++) {
            expected.add(MockScript.Kind.WORK);
        }
        if (!delegates.isEmpty()) {
            expected.add(MockScript.Kind.DELEGATE);
        }
        expected.add(MockScript.Kind.COMPLETE);
        assertThat(kinds).isEqualTo(expected);
    }

    @Property
    void aWithLineBeforeAnyToolLineIsRefusedNamingTheRule(@ForAll @IntRange(min = 0, max = 3) int before) {
        String query = "/steps " + before + "\n/with s t {}\n/tool s t\nTask";
        assertThatThrownBy(() -> MockScript.parse(query)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/with").hasMessageContaining("/tool line before it");
    }

    @Property
    void emptyOutsideItsRangeIsRefused(@ForAll @IntRange(min = 101, max = 100_000) int tooMany) {
        assertThatThrownBy(() -> MockScript.parse("/empty " + tooMany + "\nTask"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/empty needs a whole number 0..100");
    }
}
