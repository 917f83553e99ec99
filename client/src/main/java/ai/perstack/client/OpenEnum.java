package ai.perstack.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The base of the client's open enums (statuses, providers, categories...): a wire value that
 * is kept as received even when this client does not know it, so a server that adds a value
 * never breaks an older client. Compare with {@link #equals}, or switch on {@link #known()}.
 *
 * @param <K> the Java enum of the values this client knows
 */
public abstract class OpenEnum<K extends Enum<K>> {
    private final String value;
    private final K known;

    /**
     * Creates a value.
     *
     * @param value the wire value
     * @param known its known constant, or {@code null} for a value this client does not know
     */
    protected OpenEnum(String value, K known) {
        this.value = Objects.requireNonNull(value, "value");
        this.known = known;
    }

    /**
     * Indexes constants by wire value, for the subclasses' {@code of(String)}.
     *
     * @param constants the known instances
     * @param <E>       the open enum type
     * @return an immutable map from wire value to instance
     */
    @SafeVarargs
    protected static <E extends OpenEnum<?>> Map<String, E> index(E... constants) {
        Map<String, E> map = new LinkedHashMap<>();
        for (E constant : constants) {
            map.put(constant.value(), constant);
        }
        return Map.copyOf(map);
    }

    /** {@return the wire value, exactly as sent or received} */
    public final String value() {
        return value;
    }

    /** {@return the known constant, or empty for a value this client does not know} */
    public final Optional<K> known() {
        return Optional.ofNullable(known);
    }

    /** {@return true when this client knows the value} */
    public final boolean isKnown() {
        return known != null;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((OpenEnum<?>) o).value.equals(value);
    }

    @Override
    public final int hashCode() {
        return value.hashCode();
    }

    @Override
    public final String toString() {
        return value;
    }
}
