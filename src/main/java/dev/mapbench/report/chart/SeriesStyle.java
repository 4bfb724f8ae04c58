package dev.mapbench.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;

/**
 * How one series is drawn: colour, marker, line pattern, and whether the marker is hollow. A strategy
 * keeps the same colour and marker in every chart ({@link StrategyPalette}); the hollow marker and the
 * dashed line tell a strategy's second figure (its writes beside its reads) apart.
 */
public record SeriesStyle(Color colour, Marker marker, Dash dash) {

    /** Marker shapes, all about 8 px across, distinguishable in grey print. */
    public enum Marker {
        CIRCLE, SQUARE, TRIANGLE_UP, DIAMOND, TRIANGLE_DOWN, PENTAGON, CROSS, STAR;

        /** The marker as a shape centred on the origin. */
        public Shape shape() {
            double r = 4.5;
            return switch (this) {
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

        /** The marker's name in lower case, for the page's legend swatches. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }

        /** A character that looks like the marker, for the page's tables. */
        public String glyph() {
            return switch (this) {
                case CIRCLE -> "●";
                case SQUARE -> "■";
                case TRIANGLE_UP -> "▲";
                case DIAMOND -> "◆";
                case TRIANGLE_DOWN -> "▼";
                case PENTAGON -> "⬟";
                case CROSS -> "✚";
                case STAR -> "★";
            };
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

    /** Line patterns: JDK strategies solid, libraries dashed, plug-ins dash-dotted, the unsafe ceiling dotted. */
    public enum Dash {
        SOLID(null), DASHED(new float[] {7f, 4f}), DASH_DOT(new float[] {8f, 3f, 2f, 3f}), DOTTED(new float[] {2f, 3f});

        private final float[] pattern;

        Dash(float[] pattern) {
            this.pattern = pattern;
        }

        /** The stroke of a line in this pattern. */
        public Stroke stroke(float width) {
            return pattern == null ? new BasicStroke(width)
                    : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, pattern.clone(), 0f);
        }
    }

    /** The colour as {@code #rrggbb}, for the page. */
    public String hex() {
        return String.format(Locale.ROOT, "#%06x", colour.getRGB() & 0xffffff);
    }
}
