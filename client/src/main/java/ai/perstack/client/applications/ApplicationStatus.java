package ai.perstack.client.applications;

import java.util.Objects;
import java.util.Optional;

/**
 * The status of an application. Open: a value this client does not know is kept, not rejected.
 * Compare with {@link #equals} or switch on {@link #known()}.
 */
public final class ApplicationStatus {
    /** {@code active}. */
    public static final ApplicationStatus ACTIVE = new ApplicationStatus("active");
    /** {@code inactive}. */
    public static final ApplicationStatus INACTIVE = new ApplicationStatus("inactive");

    /** The values this client knows. */
    public enum Known {
        /** {@code active}. */
        ACTIVE("active"),
        /** {@code inactive}. */
        INACTIVE("inactive");

        private final String value;

        Known(String value) {
            this.value = value;
        }

        /** {@return the wire value} */
        public String value() {
            return value;
        }
    }

    private final String value;

    private ApplicationStatus(String value) {
        this.value = value;
    }

    /**
     * The status for a wire value, known or not.
     *
     * @param value the wire value; unknown values are kept
     * @return the status for a wire value, known or not
     */
    public static ApplicationStatus of(String value) {
        Objects.requireNonNull(value, "value");
        for (Known k : Known.values()) {
            if (k.value.equals(value)) {
                return of(k);
            }
        }
        return new ApplicationStatus(value);
    }

    /**
     * The instance of a known value.
     *
     * @param known a known value
     * @return the instance of a known value
     */
    public static ApplicationStatus of(Known known) {
        return switch (known) {
            case ACTIVE -> ACTIVE;
            case INACTIVE -> INACTIVE;
        };
    }

    /** {@return the wire value, exactly as sent or received} */
    public String value() {
        return value;
    }

    /** {@return the known constant, or empty for a value this client does not know} */
    public Optional<Known> known() {
        for (Known k : Known.values()) {
            if (k.value.equals(value)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** {@return true when this client knows the value} */
    public boolean isKnown() {
        return known().isPresent();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApplicationStatus other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
