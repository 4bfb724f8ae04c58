package dev.mapbench.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Whether a cell's forks fall into clusters far apart, and which forks a verdict may rest on.
 *
 * <p>Forks of one cell land in modes: often up to 2× apart (code and data placement), and now and then a
 * steady mode 9× below the cell's other forks. Iterations inside a fork cannot show this; only forks can.
 * Sorted by value, the forks split into clusters wherever two neighbours lie further apart than the
 * {@code gap} (the run's spread factor: further than two forks of one cell land apart by the run's own
 * between-fork spread). Then:
 * <ul>
 *   <li>{@link Kind#ONE_MODE}: one cluster; every fork counts.</li>
 *   <li>{@link Kind#RARE_MODE}: the forks outside the largest cluster are at most a fifth of the cell's
 *       (1 of 5, 2 of 10): a rare mode. They are set aside and named; the verdict rests on the rest, so a
 *       fork in a rare slow mode cannot decide.</li>
 *   <li>{@link Kind#MODES}: at least two forks, and more than a fifth, lie outside the largest cluster: the
 *       strategy lands there often enough that it is part of its behaviour. Every fork counts (the cell's
 *       own wide variance then shows in its intervals) and the modes are named.</li>
 *   <li>{@link Kind#UNSETTLED}: the forks disagree but are too few to tell a rare mode from a common one
 *       (1 of 2, 1 of 3, 1 of 4). Nothing may be decided on the cell until more forks tell.</li>
 * </ul>
 *
 * @param kind which of the cases above
 * @param sample the forks a verdict rests on (all of them unless a rare mode was set aside)
 * @param setAside forks set aside as a rare mode (empty otherwise)
 * @param note what a reader is told, e.g. "1 of 5 forks ran 9.4× slower (a rare mode, set aside)"; null for one mode
 */
public record ForkModes(Kind kind, ForkSample sample, double[] setAside, String note) {

    /** How a cell's forks cluster. */
    public enum Kind {
        ONE_MODE, RARE_MODE, MODES, UNSETTLED
    }

    /** A rare mode holds at most this share of a cell's forks. */
    public static final double RARE_SHARE = 0.2;
    /** The forks a cell needs before a lone disagreeing fork can be called rare: 1 of 5. */
    public static final int FORKS_TO_CALL_RARE = 5;

    /** Copies the set-aside values. */
    public ForkModes {
        setAside = setAside.clone();
    }

    /**
     * The modes of {@code forks} (speeds: higher is better), splitting where neighbours are more than {@code gap}×
     * apart.
     */
    public static ForkModes of(ForkSample forks, double gap) {
        double[] values = forks.values();
        if (values.length < 2 || !forks.positive()) {
            return new ForkModes(Kind.ONE_MODE, forks, new double[0], null);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        List<double[]> clusters = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= sorted.length; i++) {
            if (i == sorted.length || sorted[i] / sorted[i - 1] > gap) {
                clusters.add(Arrays.copyOfRange(sorted, start, i));
                start = i;
            }
        }
        if (clusters.size() == 1) {
            return new ForkModes(Kind.ONE_MODE, forks, new double[0], null);
        }
        double[] largest = clusters.stream().max((a, b) -> a.length != b.length ? Integer.compare(a.length, b.length)
                : Double.compare(a[a.length - 1], b[b.length - 1])).orElseThrow();
        int outside = values.length - largest.length;
        double mainCenter = geometricMean(largest);
        double[] others = Arrays.stream(values).filter(v -> v < largest[0] || v > largest[largest.length - 1]).toArray();
        String where = describeOthers(others, mainCenter, values.length);
        if (outside <= RARE_SHARE * values.length && values.length >= FORKS_TO_CALL_RARE) {
            return new ForkModes(Kind.RARE_MODE, ForkSample.of(inOrder(values, largest)), others,
                    where + " (a rare mode, set aside: the verdict rests on the other " + largest.length + ")");
        }
        if (outside >= 2) {
            return new ForkModes(Kind.MODES, forks, new double[0], where + " (a mode this strategy lands in: counted)");
        }
        return new ForkModes(Kind.UNSETTLED, forks, new double[0], where + ": too few forks to tell a rare mode from "
                + "a common one, so nothing is decided on it yet");
    }

    /** Whether a verdict may rest on this cell now. */
    public boolean settled() {
        return kind != Kind.UNSETTLED;
    }

    /** The forks a verdict on an unsettled cell waits for: enough to call a lone disagreeing fork rare. */
    public int forksToSettle() {
        return Math.max(FORKS_TO_CALL_RARE, sample.forks() + 1);
    }

    private static double[] inOrder(double[] values, double[] kept) {
        double low = kept[0];
        double high = kept[kept.length - 1];
        return Arrays.stream(values).filter(v -> v >= low && v <= high).toArray();
    }

    private static String describeOthers(double[] others, double center, int forks) {
        double othersCenter = geometricMean(others);
        double factor = othersCenter < center ? center / othersCenter : othersCenter / center;
        return String.format(Locale.ROOT, "%d of %d forks ran %.2g× %s", others.length, forks, factor,
                othersCenter < center ? "slower" : "faster");
    }

    private static double geometricMean(double[] values) {
        return Math.exp(Arrays.stream(values).map(Math::log).average().orElse(Double.NaN));
    }
}
