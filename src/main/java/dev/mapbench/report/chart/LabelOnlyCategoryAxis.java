package dev.mapbench.report.chart;

import org.jfree.chart.axis.CategoryAxis;

/**
 * A category axis whose keys are {@code "index:label"} (so two equal labels stay two categories) and
 * whose tick labels show only the label.
 */
final class LabelOnlyCategoryAxis extends CategoryAxis {

    private static final long serialVersionUID = 1L;

    LabelOnlyCategoryAxis(CategoryAxis template) {
        super(template.getLabel());
        setTickLabelFont(template.getTickLabelFont());
        setLabelFont(template.getLabelFont());
        setCategoryMargin(template.getCategoryMargin());
        setMaximumCategoryLabelLines(3);
    }

    @Override
    public String toString() {
        return "LabelOnlyCategoryAxis";
    }

    @Override
    protected org.jfree.chart.text.TextBlock createLabel(Comparable category, float width,
            org.jfree.chart.ui.RectangleEdge edge, java.awt.Graphics2D g2) {
        String key = category.toString();
        int colon = key.indexOf(':');
        return super.createLabel(colon < 0 ? key : key.substring(colon + 1), width, edge, g2);
    }
}
