package dev.mapbench.report.chart;

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
 * {@link Ticks#label}: JFreeChart's own LogAxis places ticks at fractional powers and prints them
 * rounded ("158, 251, 398", or "0, 0, 0" below one).
 */
final class PlainLogAxis extends LogAxis {

    private static final long serialVersionUID = 1L;

    /** An axis from the decade at or below {@code min} to the decade at or above {@code max}. */
    PlainLogAxis(String label, double min, double max) {
        super(label);
        setBase(10);
        double lower = Ticks.decadeBelow(min);
        double upper = Ticks.decadeAbove(max);
        if (upper <= lower) {
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
            ticks.add(new NumberTick(TickType.MAJOR, value, Ticks.label(value), anchor, anchor, 0.0));
        }
        return ticks;
    }
}
