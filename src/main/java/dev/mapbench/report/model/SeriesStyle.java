package dev.mapbench.report.model;

import java.util.Locale;

/**
 * How one series is drawn: colour, marker, line pattern. A strategy keeps the same colour and marker in
 * every chart and table of a report ({@link StrategyPalette}); a strategy's second figure (its writes beside
 * its reads) is drawn with a hollow marker and a dotted line in the same colour.
 *
 * @param rgb the colour as {@code 0xRRGGBB}
 * @param marker the marker's shape
 * @param dash the line's pattern
 */
public record SeriesStyle(int rgb, Marker marker, Dash dash) {

    /** Marker shapes, distinguishable in grey print; the chart format draws them about 8 px across. */
    public enum Marker {
        CIRCLE, SQUARE, TRIANGLE_UP, DIAMOND, TRIANGLE_DOWN, PENTAGON, CROSS, STAR;

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
    }

    /** Line patterns: JDK strategies solid, libraries dashed, plug-ins dash-dotted, the unsafe ceiling dotted. */
    public enum Dash {
        SOLID(null), DASHED(new float[] {7f, 4f}), DASH_DOT(new float[] {8f, 3f, 2f, 3f}), DOTTED(new float[] {2f, 3f});

        private final float[] pattern;

        Dash(float[] pattern) {
            this.pattern = pattern;
        }

        /** Alternating on and off lengths in pixels, or null for a solid line. */
        public float[] pattern() {
            return pattern == null ? null : pattern.clone();
        }
    }

    /** The colour as {@code #rrggbb}, for the page. */
    public String hex() {
        return String.format(Locale.ROOT, "#%06x", rgb & 0xffffff);
    }
}
