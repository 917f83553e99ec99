package ai.perstack.client.jobs;

import ai.perstack.client.OpenEnum;

import java.util.Map;
import java.util.Objects;

/**
 * A model provider. Open: a value this client does not know is kept, not rejected
 * (see {@link OpenEnum}).
 */
public final class Provider extends OpenEnum<Provider.Known> {
    /** {@code anthropic}. */
    public static final Provider ANTHROPIC = new Provider(Known.ANTHROPIC);
    /** {@code openai}. */
    public static final Provider OPENAI = new Provider(Known.OPENAI);
    /** {@code google}. */
    public static final Provider GOOGLE = new Provider(Known.GOOGLE);
    /** {@code deepseek}. */
    public static final Provider DEEPSEEK = new Provider(Known.DEEPSEEK);
    /** {@code ollama}. */
    public static final Provider OLLAMA = new Provider(Known.OLLAMA);
    /** {@code azure-openai}. */
    public static final Provider AZURE_OPENAI = new Provider(Known.AZURE_OPENAI);
    /** {@code amazon-bedrock}. */
    public static final Provider AMAZON_BEDROCK = new Provider(Known.AMAZON_BEDROCK);
    /** {@code google-vertex}. */
    public static final Provider GOOGLE_VERTEX = new Provider(Known.GOOGLE_VERTEX);
    /** {@code mock}. */
    public static final Provider MOCK = new Provider(Known.MOCK);

    private static final Map<String, Provider> BY_VALUE = index(ANTHROPIC, OPENAI, GOOGLE, DEEPSEEK, OLLAMA, AZURE_OPENAI, AMAZON_BEDROCK, GOOGLE_VERTEX, MOCK);

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

    private Provider(Known known) {
        super(known.value(), known);
    }

    private Provider(String value) {
        super(value, null);
    }

    /**
     * The instance for a wire value, known or not.
     *
     * @param value the wire value
     * @return the known constant, or a new instance keeping {@code value}
     */
    public static Provider of(String value) {
        Provider known = BY_VALUE.get(Objects.requireNonNull(value, "value"));
        return known != null ? known : new Provider(value);
    }

    /**
     * The instance of a known value.
     *
     * @param known the known value
     * @return its constant
     */
    public static Provider of(Known known) {
        return BY_VALUE.get(known.value());
    }
}
