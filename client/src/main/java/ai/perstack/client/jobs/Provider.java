package ai.perstack.client.jobs;

import java.util.Objects;
import java.util.Optional;

/**
 * A model provider. Open: a value this client does not know is kept and sent as given.
 * Compare with {@link #equals} or switch on {@link #known()}.
 */
public final class Provider {
    /** {@code anthropic}. */
    public static final Provider ANTHROPIC = new Provider("anthropic");
    /** {@code openai}. */
    public static final Provider OPENAI = new Provider("openai");
    /** {@code google}. */
    public static final Provider GOOGLE = new Provider("google");
    /** {@code deepseek}. */
    public static final Provider DEEPSEEK = new Provider("deepseek");
    /** {@code ollama}. */
    public static final Provider OLLAMA = new Provider("ollama");
    /** {@code azure-openai}. */
    public static final Provider AZURE_OPENAI = new Provider("azure-openai");
    /** {@code amazon-bedrock}. */
    public static final Provider AMAZON_BEDROCK = new Provider("amazon-bedrock");
    /** {@code google-vertex}. */
    public static final Provider GOOGLE_VERTEX = new Provider("google-vertex");
    /** {@code mock}. */
    public static final Provider MOCK = new Provider("mock");

    /** The values this client knows. */
    public enum Known {
        /** {@code anthropic}. */
        ANTHROPIC("anthropic"),
        /** {@code openai}. */
        OPENAI("openai"),
        /** {@code google}. */
        GOOGLE("google"),
        /** {@code deepseek}. */
        DEEPSEEK("deepseek"),
        /** {@code ollama}. */
        OLLAMA("ollama"),
        /** {@code azure-openai}. */
        AZURE_OPENAI("azure-openai"),
        /** {@code amazon-bedrock}. */
        AMAZON_BEDROCK("amazon-bedrock"),
        /** {@code google-vertex}. */
        GOOGLE_VERTEX("google-vertex"),
        /** {@code mock}. */
        MOCK("mock");

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

    private Provider(String value) {
        this.value = value;
    }

    /**
     * The status for a wire value, known or not.
     *
     * @param value the wire value; unknown values are kept
     * @return the status for a wire value, known or not
     */
    public static Provider of(String value) {
        Objects.requireNonNull(value, "value");
        for (Known k : Known.values()) {
            if (k.value.equals(value)) {
                return of(k);
            }
        }
        return new Provider(value);
    }

    /**
     * The instance of a known value.
     *
     * @param known a known value
     * @return the instance of a known value
     */
    public static Provider of(Known known) {
        return switch (known) {
            case ANTHROPIC -> ANTHROPIC;
            case OPENAI -> OPENAI;
            case GOOGLE -> GOOGLE;
            case DEEPSEEK -> DEEPSEEK;
            case OLLAMA -> OLLAMA;
            case AZURE_OPENAI -> AZURE_OPENAI;
            case AMAZON_BEDROCK -> AMAZON_BEDROCK;
            case GOOGLE_VERTEX -> GOOGLE_VERTEX;
            case MOCK -> MOCK;
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
        return o instanceof Provider other && other.value.equals(value);
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
