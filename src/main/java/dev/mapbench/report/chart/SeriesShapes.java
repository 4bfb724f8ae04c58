package dev.mapbench.report.chart;

import dev.mapbench.report.model.SeriesStyle;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/** A {@link SeriesStyle} in Java2D terms: its colour, its marker as a shape, its line as a stroke. */
final class SeriesShapes {

    private SeriesShapes() {
    }

    /** The style's colour. */
    static Color colour(SeriesStyle style) {
        return new Color(style.rgb());
    }

    /** The marker as a shape about 8 px across, centred on the origin. */
    static Shape shape(SeriesStyle.Marker marker) {
        double r = 4.5;
        return switch (marker) {
            case CIRCLE -> new Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
            case SQUARE -> new Rectangle2D.Double(-r * 0.85, -r * 0.85, 1.7 * r, 1.7 * r);
            case TRIANGLE_UP -> polygon(3, r * 1.15, -Math.PI / 2, 1);
            case TRIANGLE_DOWN -> polygon(3, r * 1.15, Math.PI / 2, 1);
            case DIAMOND -> polygon(4, r * 1.1, -Math.PI / 2, 1);
            case PENTAGON -> polygon(5, r * 1.05, -Math.PI / 2, 1);
            case CROSS -> cross(r);
            case STAR -> polygon(10, r * 1.25, -Math.PI / 2, 0.45);
        };
    }

    /** The stroke of a line in this pattern. */
    static Stroke stroke(SeriesStyle.Dash dash, float width) {
        float[] pattern = dash.pattern();
        return pattern == null ? new BasicStroke(width)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, pattern, 0f);
    }

    private static Shape polygon(int corners, double radius, double start, double innerRatio) {
        Path2D.Double path = new Path2D.Double();
        boolean star = innerRatio < 1;
        for (int i = 0; i < corners; i++) {
            double angle = start + 2 * Math.PI * i / corners;
            double length = star && i % 2 == 1 ? radius * innerRatio : radius;
            double x = Math.cos(angle) * length;
            double y = Math.sin(angle) * length;
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        path.closePath();
        return path;
    }

    private static Shape cross(double r) {
        double w = r * 0.4;
        Path2D.Double path = new Path2D.Double();
        path.moveTo(-w, -r);
        path.lineTo(w, -r);
        path.lineTo(w, -w);
        path.lineTo(r, -w);
        path.lineTo(r, w);
        path.lineTo(w, w);
        path.lineTo(w, r);
        path.lineTo(-w, r);
        path.lineTo(-w, w);
        path.lineTo(-r, w);
        path.lineTo(-r, -w);
        path.lineTo(-w, -w);
        path.closePath();
        return path;
    }
}
