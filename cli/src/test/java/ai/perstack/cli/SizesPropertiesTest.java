package ai.perstack.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The size options of {@code perstack serve}: every well-formed size is its bytes, anything else a usage error. */
class SizesPropertiesTest {

    @Property(tries = 1000)
    void aNumberWithAUnitIsThatManyPowersOf1024(@ForAll @LongRange(min = 1, max = 1L << 32) long n,
                                                @ForAll @IntRange(min = 0, max = 3) int unit) {
        String suffix = new String[] {"", "K", "m", "G"}[unit];
        assertThat(Sizes.parse("--max-file-size", n + suffix)).isEqualTo(n << (10 * unit));
        if (unit > 0) {
            assertThat(Sizes.parse("--max-file-size", n + suffix + "iB")).isEqualTo(n << (10 * unit));
        }
    }

    @Provide
    Arbitrary<String> notSizes() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(12).filter(s -> !s.strip().matches("(?i)[0-9]{1,19}[KMG]?(I?B)?")),
                Arbitraries.of("0", "0K", "-1", "1T", "1.5M", "M", "", "99999999999999999999", "9223372036854775807G"));
    }

    @Property(tries = 1000)
    void anythingElseIsAUsageErrorNamingTheOption(@ForAll("notSizes") String text) {
        assertThatThrownBy(() -> Sizes.parse("--max-workspace-size", text)).isInstanceOf(UsageException.class)
                .hasMessageContaining("--max-workspace-size");
    }

    @Example
    void theServeDefaultsAreTheServersDefaults() {
        ServeCommand serve = new ServeCommand();
        serve.maxFileSize = "64M";
        serve.maxWorkspaceSize = "1G";
        serve.maxStagedSize = "1G";
        assertThat(serve.fileLimits()).isEqualTo(ai.perstack.server.workspaces.FileLimits.DEFAULT);
    }
}
