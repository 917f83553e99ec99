package ai.perstack.client.applications;

import ai.perstack.client.OpenEnum;

import java.util.Map;
import java.util.Objects;

/**
 * The status of an application. Open: a value this client does not know is kept, not rejected
 * (see {@link OpenEnum}).
 */
public final class ApplicationStatus extends OpenEnum<ApplicationStatus.Known> {
    /** {@code active}. */
    public static final ApplicationStatus ACTIVE = new ApplicationStatus(Known.ACTIVE);
    /** {@code inactive}. */
    public static final ApplicationStatus INACTIVE = new ApplicationStatus(Known.INACTIVE);

    private static final Map<String, ApplicationStatus> BY_VALUE = index(ACTIVE, INACTIVE);

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

    private ApplicationStatus(Known known) {
        super(known.value(), known);
    }

    private ApplicationStatus(String value) {
        super(value, null);
    }

    /**
     * The instance for a wire value, known or not.
     *
     * @param value the wire value
     * @return the known constant, or a new instance keeping {@code value}
     */
    public static ApplicationStatus of(String value) {
        ApplicationStatus known = BY_VALUE.get(Objects.requireNonNull(value, "value"));
        return known != null ? known : new ApplicationStatus(value);
    }

    /**
     * The instance of a known value.
     *
     * @param known the known value
     * @return its constant
     */
    public static ApplicationStatus of(Known known) {
        return BY_VALUE.get(known.value());
    }
}
