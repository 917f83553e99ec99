package ai.perstack.client.experts;

import ai.perstack.client.OpenEnum;

import java.util.Map;
import java.util.Objects;

/**
 * Who can read an expert scope: its organization only ({@code private}) or everyone ({@code public}). Open: a value this client does not know is kept, not rejected
 * (see {@link OpenEnum}).
 */
public final class Visibility extends OpenEnum<Visibility.Known> {
    /** {@code public}. */
    public static final Visibility PUBLIC = new Visibility(Known.PUBLIC);
    /** {@code private}. */
    public static final Visibility PRIVATE = new Visibility(Known.PRIVATE);

    private static final Map<String, Visibility> BY_VALUE = index(PUBLIC, PRIVATE);

    /** The values this client knows. */
    public enum Known {
        /** {@code public}. */
        PUBLIC("public"),
        /** {@code private}. */
        PRIVATE("private");

        private final String value;

        Known(String value) {
            this.value = value;
        }

        /** {@return the wire value} */
        public String value() {
            return value;
        }
    }

    private Visibility(Known known) {
        super(known.value(), known);
    }

    private Visibility(String value) {
        super(value, null);
    }

    /**
     * The instance for a wire value, known or not.
     *
     * @param value the wire value
     * @return the known constant, or a new instance keeping {@code value}
     */
    public static Visibility of(String value) {
        Visibility known = BY_VALUE.get(Objects.requireNonNull(value, "value"));
        return known != null ? known : new Visibility(value);
    }

    /**
     * The instance of a known value.
     *
     * @param known the known value
     * @return its constant
     */
    public static Visibility of(Known known) {
        return BY_VALUE.get(known.value());
    }
}
