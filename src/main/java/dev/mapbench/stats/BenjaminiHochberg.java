package dev.mapbench.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Benjamini–Hochberg adjustment of p-values, controlling the false discovery rate across the grid:
 * a cell is significant when its adjusted value (q) is at most the chosen level. With hundreds of
 * cells, unadjusted p &lt; 0.05 would flag a handful of unchanged cells by chance every night.
 */
public final class BenjaminiHochberg {

    private BenjaminiHochberg() {
    }

    /** The adjusted values, in the order of {@code pValues}; NaN entries stay NaN and are not counted. */
    public static double[] adjust(double[] pValues) {
        int[] tested = IntStream.range(0, pValues.length).filter(i -> !Double.isNaN(pValues[i])).toArray();
        int m = tested.length;
        double[] adjusted = new double[pValues.length];
        Arrays.fill(adjusted, Double.NaN);
        Integer[] byP = Arrays.stream(tested).boxed().toArray(Integer[]::new);
        Arrays.sort(byP, Comparator.comparingDouble(i -> pValues[i]));
        double runningMin = 1.0;
        // From the largest p down: q(i) = min over j >= i of p(j) m / j, which keeps q monotone.
        for (int rank = m; rank >= 1; rank--) {
            int index = byP[rank - 1];
            runningMin = Math.min(runningMin, pValues[index] * m / rank);
            adjusted[index] = runningMin;
        }
        return adjusted;
    }
}
