package ai.perstack.client.experts;

import ai.perstack.client.OpenEnum;

import java.util.Map;
import java.util.Objects;

/**
 * The category of an expert scope. Open: a value this client does not know is kept, not rejected
 * (see {@link OpenEnum}).
 */
public final class ExpertCategory extends OpenEnum<ExpertCategory.Known> {
    /** {@code general}. */
    public static final ExpertCategory GENERAL = new ExpertCategory(Known.GENERAL);
    /** {@code coding}. */
    public static final ExpertCategory CODING = new ExpertCategory(Known.CODING);
    /** {@code research}. */
    public static final ExpertCategory RESEARCH = new ExpertCategory(Known.RESEARCH);
    /** {@code writing}. */
    public static final ExpertCategory WRITING = new ExpertCategory(Known.WRITING);
    /** {@code data}. */
    public static final ExpertCategory DATA = new ExpertCategory(Known.DATA);
    /** {@code automation}. */
    public static final ExpertCategory AUTOMATION = new ExpertCategory(Known.AUTOMATION);

    private static final Map<String, ExpertCategory> BY_VALUE = index(GENERAL, CODING, RESEARCH, WRITING, DATA, AUTOMATION);

    /** The values this client knows. */
    public enum Known {
        /** {@code general}. */
        GENERAL("general"),
        /** {@code coding}. */
        CODING("coding"),
        /** {@code research}. */
        RESEARCH("research"),
        /** {@code writing}. */
        WRITING("writing"),
        /** {@code data}. */
        DATA("data"),
        /** {@code automation}. */
        AUTOMATION("automation");

        private final String value;

        Known(String value) {
            this.value = value;
        }

        /** {@return the wire value} */
        public String value() {
            return value;
        }
    }

    private ExpertCategory(Known known) {
        super(known.value(), known);
    }

    private ExpertCategory(String value) {
        super(value, null);
    }

    /**
     * The instance for a wire value, known or not.
     *
     * @param value the wire value
     * @return the known constant, or a new instance keeping {@code value}
     */
    public static ExpertCategory of(String value) {
        ExpertCategory known = BY_VALUE.get(Objects.requireNonNull(value, "value"));
        return known != null ? known : new ExpertCategory(value);
    }

    /**
     * The instance of a known value.
     *
     * @param known the known value
     * @return its constant
     */
    public static ExpertCategory of(Known known) {
        return BY_VALUE.get(known.value());
    }
}
