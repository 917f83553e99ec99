package ai.perstack.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Side-by-side timing that survives a noisy machine: every contender runs for one short window
 * per round, the rounds follow each other, and the order inside a round rotates. A ratio is then
 * taken inside each round (ours and the peer measured seconds apart, under the same load) and the
 * report gives the median of those per-round ratios with their min–max. Running one contender's
 * iterations after the other's, as JMH does, lets a burst of outside load land on one side only.
 */
public final class AbRounds {
    /** Rounds per row; at least five so the median is not one unlucky window. */
    public static final int ROUNDS = Integer.getInteger("bench.rounds", 5);

    /** One contender: runs for about {@code nanos} and returns what it measured. */
    @FunctionalInterface
    public interface Window<R> {
        R run(long nanos) throws Exception;
    }

    private AbRounds() {
    }

    /**
     * Runs {@code warmups} unmeasured rounds, then {@link #ROUNDS} measured ones.
     *
     * @return {@code result[round][contender]}
     */
    public static <R> List<List<R>> run(List<? extends Window<R>> contenders, int warmups, long windowNanos)
            throws Exception {
        int n = contenders.size();
        for (int w = 0; w < warmups; w++) {
            for (Window<R> c : contenders) {
                c.run(windowNanos);
            }
        }
        List<List<R>> rounds = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            List<R> results = new ArrayList<>(java.util.Collections.nCopies(n, (R) null));
            for (int k = 0; k < n; k++) {
                int c = (k + round) % n; // rotate, so no contender always goes first after a pause
                results.set(c, contenders.get(c).run(windowNanos));
            }
            rounds.add(results);
        }
        return rounds;
    }

    /** One contender's figure across the rounds. */
    public static <R> Stats column(List<List<R>> rounds, int contender, ToDoubleFunction<R> figure) {
        List<Double> values = new ArrayList<>();
        for (List<R> r : rounds) {
            values.add(figure.applyAsDouble(r.get(contender)));
        }
        return Stats.of(values);
    }

    /** The per-round ratio {@code a ÷ b} of a figure, across the rounds. */
    public static <R> Stats ratio(List<List<R>> rounds, int a, int b, ToDoubleFunction<R> figure) {
        List<Double> values = new ArrayList<>();
        for (List<R> r : rounds) {
            values.add(figure.applyAsDouble(r.get(a)) / figure.applyAsDouble(r.get(b)));
        }
        return Stats.of(values);
    }

    /** For example {@code 2.05× (1.98–2.10)}. */
    public static String times(Stats ratio) {
        return ratio.n() == 0 ? "—" : String.format(Locale.ROOT, "%.2f× (%.2f–%.2f)", ratio.median(), ratio.min(), ratio.max());
    }
}
