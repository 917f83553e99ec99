package ai.perstack.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Iteration figures summarised as the report gives them: median, with min and max. */
public record Stats(double median, double min, double max, int n) {

    /** The summary of {@code values}; NaN values (an iteration that measured nothing) are left out and not counted. */
    public static Stats of(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.removeIf(v -> v.isNaN());
        if (sorted.isEmpty()) {
            return new Stats(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Stats(median, sorted.get(0), sorted.get(n - 1), n);
    }

    /** For example {@code 812 (790–830)}. */
    public String format(String pattern) {
        return String.format(Locale.ROOT, pattern + " (" + pattern + "–" + pattern + ")", median, min, max);
    }
}
