package ai.perstack.client.jobs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A reasoning budget is a level or a token count, and survives the wire both ways. */
class ReasoningBudgetPropertiesTest {

    @Property
    void tokensRoundTrip(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long tokens) {
        ReasoningBudget b = ReasoningBudget.tokens(tokens);
        assertThat(b.toJson().isIntegralNumber()).isTrue();
        assertThat(ReasoningBudget.read(b.toJson())).isEqualTo(b);
        assertThat(ReasoningBudget.parse(Long.toString(tokens))).isEqualTo(b);
        assertThat(b.tokens()).hasValue(tokens);
        assertThat(b.level()).isEmpty();
        assertThat(b.isKnown()).isTrue();
    }

    @Property
    void anyLevelIsKeptAsText(@ForAll @StringLength(min = 1, max = 20) String level) {
        ReasoningBudget b = ReasoningBudget.of(level);
        assertThat(ReasoningBudget.read(b.toJson())).isEqualTo(b);
        assertThat(b.level()).contains(level);
        assertThat(b.tokens()).isEmpty();
    }

    @Test
    void coresLevelsAreKnownConstants() {
        assertThat(ReasoningBudget.of("none")).isSameAs(ReasoningBudget.NONE);
        assertThat(ReasoningBudget.parse("minimal")).isSameAs(ReasoningBudget.MINIMAL);
        assertThat(ReasoningBudget.of("high").isKnown()).isTrue();
        assertThat(ReasoningBudget.of("extreme").isKnown()).isFalse();
        assertThat(ReasoningBudget.LOW.toJson().textValue()).isEqualTo("low");
    }

    @Test
    void negativeOrFractionalIsRejectedNamingTheField() {
        assertThatThrownBy(() -> ReasoningBudget.tokens(-1)).hasMessageContaining("reasoningBudget");
        assertThatThrownBy(() -> ReasoningBudget.read(JsonNodeFactory.instance.numberNode(1.5)))
                .hasMessageContaining("reasoningBudget");
        assertThatThrownBy(() -> ReasoningBudget.read(JsonNodeFactory.instance.numberNode(-3)))
                .hasMessageContaining("reasoningBudget");
        assertThatThrownBy(() -> ReasoningBudget.parse("99999999999999999999")).hasMessageContaining("reasoningBudget");
    }
}
