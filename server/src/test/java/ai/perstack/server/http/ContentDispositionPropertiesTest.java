package ai.perstack.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a file is called, its Content-Disposition is one well-formed RFC 6266 attachment. */
class ContentDispositionPropertiesTest {
    private static final Pattern FORM = Pattern.compile(
            "attachment; filename=\"([\\x20-\\x7e&&[^\"\\\\;%]]*)\"; filename\\*=UTF-8''([A-Za-z0-9!#$&+\\-.^_`|~%]*)");

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange('\u0001', '\ud7ff').withChars('"', '\\', ';', '%', '*', '\'', ' ')
                .ofMinLength(1).ofMaxLength(60);
    }

    @Property(tries = 2000)
    void theHeaderIsPrintableAsciiOfOneFormAndFilenameStarDecodesToTheName(@ForAll("names") String name) {
        String header = ContentDisposition.attachment(name);
        Matcher m = FORM.matcher(header);
        assertThat(m.matches()).as(header).isTrue();
        String last = name.substring(name.lastIndexOf('/') + 1);
        assertThat(decode(m.group(2))).isEqualTo(last);
        assertThat(m.group(1)).hasSize(last.codePointCount(0, last.length()));
    }

    private static String decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
