package ai.perstack.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Iteration figures summarised as the report gives them: median, with min and max. */
public record Stats(double median, double min, double max, int n) {

    public static Stats of(List<Double> values) {
        if (values.isEmpty()) {
            return new Stats(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        List<Double> sorted = new ArrayList<>(values);
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
