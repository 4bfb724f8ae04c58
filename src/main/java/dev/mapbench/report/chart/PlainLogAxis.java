package dev.mapbench.report.chart;

import dev.mapbench.report.model.Numbers;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A base-10 log axis over whole decades whose ticks are {@link Ticks#logTicks} labelled with
 * {@link Numbers#axisTick}: JFreeChart's own LogAxis places ticks at fractional powers and prints them
 * rounded ("158, 251, 398", or "0, 0, 0" below one).
 */
final class PlainLogAxis extends LogAxis {

    private static final long serialVersionUID = 1L;
    /** A tight axis reaches this factor past its first and last values. */
    private static final double PAD = Math.pow(10, 0.06);

    /** An axis from the decade at or below {@code min} to the decade at or above {@code max}. */
    PlainLogAxis(String label, double min, double max) {
        this(label, min, max, false);
    }

    /**
     * An axis over whole decades, or, with {@code tight}, from just below {@code min} to just above
     * {@code max} (an x axis whose first and last points must not sit on the frame).
     */
    PlainLogAxis(String label, double min, double max, boolean tight) {
        super(label);
        setBase(10);
        double lower = tight ? min / PAD : Ticks.decadeBelow(min);
        double upper = tight ? Math.max(max, min) * PAD : Ticks.decadeAbove(max);
        if (upper <= lower * 1.0001) {
            upper = lower * 10;
        }
        setSmallestValue(lower / 10);
        setAutoRange(false);
        setRange(lower, upper);
        setMinorTickMarksVisible(false);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        boolean vertical = RectangleEdge.isLeftOrRight(edge);
        TextAnchor anchor = vertical
                ? (edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT)
                : (edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
        List ticks = new ArrayList();
        for (double value : Ticks.logTicks(getLowerBound(), getUpperBound())) {
            ticks.add(new NumberTick(TickType.MAJOR, value, Numbers.axisTick(value), anchor, anchor, 0.0));
        }
        return ticks;
    }
}
