package dev.mapbench.trace;

import java.util.Arrays;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * A skew estimate: the Zipf exponent fitted to a trace's rank-frequency curve, with how well it fits.
 *
 * <p>Method: count the events of each key, sort the counts from the most used key down (rank 1, 2, …), and fit
 * {@code log(count) = c - s · log(rank)} by least squares; {@code s} is the exponent, R² the fit's quality (1: the
 * keys fall on a Zipf line; near 0: they do not, e.g. uniform keys, whose fitted exponent is near 0). Only ranks
 * whose count is at least {@value #MIN_COUNT} are fitted: below that, counting noise and the plateau of keys
 * seen once flatten the tail and bias the slope towards 0. With fewer than {@value #MIN_RANKS} such ranks every
 * rank is fitted.
 *
 * @param exponent the fitted exponent {@code s} (0 for fewer than two keys)
 * @param rSquared the fit's R², 0..1
 * @param ranksFitted the ranks the fit used
 */
public record ZipfFit(double exponent, double rSquared, int ranksFitted) {

    /** The smallest count a fitted rank has. */
    static final int MIN_COUNT = 5;
    /** Fewer well-counted ranks than this and the fit uses every rank. */
    static final int MIN_RANKS = 10;

    /** The fit to these per-key event counts (keys with no events are ignored). */
    public static ZipfFit of(long[] countsPerKey) {
        long[] sorted = Arrays.stream(countsPerKey).filter(count -> count > 0).sorted().toArray();
        int keys = sorted.length;
        if (keys < 2) {
            return new ZipfFit(0, 0, keys);
        }
        int wellCounted = 0;
        for (long count : sorted) {
            wellCounted += count >= MIN_COUNT ? 1 : 0;
        }
        int ranks = wellCounted >= MIN_RANKS ? wellCounted : keys;
        SimpleRegression regression = new SimpleRegression();
        for (int rank = 1; rank <= ranks; rank++) {
            regression.addData(Math.log(rank), Math.log(sorted[keys - rank]));
        }
        double slope = regression.getSlope();
        double rSquared = regression.getRSquare();
        return new ZipfFit(Double.isNaN(slope) ? 0 : -slope, Double.isNaN(rSquared) ? 0 : rSquared, ranks);
    }
}
