package dev.mapbench.report.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one report shows, computed before anything is written: a title, when it was rendered, and
 * its sections, at most one of each type. The formats (CSV, charts, HTML) read it and only lay it out. A
 * new section is a new {@link ReportSection} record that an analysis builds and the pipeline
 * {@linkplain Builder#add adds}; no constructor lists every section.
 */
public final class ReportModel {

    private final String title;
    private final String generatedAt;
    private final boolean png;
    private final Map<Class<? extends ReportSection>, ReportSection> sections;

    private ReportModel(Builder builder) {
        this.title = builder.title;
        this.generatedAt = builder.generatedAt;
        this.png = builder.png;
        this.sections = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(builder.sections));
    }

    /** A model with this title, rendered at {@code generatedAt} (ISO-8601). */
    public static Builder builder(String title, String generatedAt) {
        return new Builder(title, generatedAt);
    }

    /** The page title. */
    public String title() {
        return title;
    }

    /** When the report was rendered (ISO-8601). */
    public String generatedAt() {
        return generatedAt;
    }

    /** Whether the charts are also drawn as PNG (for slides). */
    public boolean png() {
        return png;
    }

    /** The section of this type, if the report has one. */
    public <T extends ReportSection> Optional<T> section(Class<T> type) {
        return Optional.ofNullable(type.cast(sections.get(type)));
    }

    /** Every section, in the order they were added. */
    public Collection<ReportSection> sections() {
        return sections.values();
    }

    /** Every chart of every section: what the chart format draws. */
    public List<ChartSpec> charts() {
        List<ChartSpec> charts = new ArrayList<>();
        sections.values().forEach(section -> charts.addAll(section.allCharts()));
        return charts;
    }

    /** One colour and marker per strategy (or other series) for every chart and table of this report. */
    public StrategyPalette palette() {
        return StrategyPalette.forCharts(charts());
    }

    /** Collects the sections of one report. */
    public static final class Builder {

        private final String title;
        private final String generatedAt;
        private boolean png;
        private final Map<Class<? extends ReportSection>, ReportSection> sections = new LinkedHashMap<>();

        private Builder(String title, String generatedAt) {
            this.title = title;
            this.generatedAt = generatedAt;
        }

        /** Whether the charts are also drawn as PNG. */
        public Builder png(boolean drawPng) {
            this.png = drawPng;
            return this;
        }

        /** Adds a section; a report has at most one of each type. */
        public Builder add(ReportSection section) {
            if (sections.putIfAbsent(section.getClass(), section) != null) {
                throw new IllegalArgumentException("a report has one " + section.getClass().getSimpleName());
            }
            return this;
        }

        /** Adds the section when there is one. */
        public Builder add(Optional<? extends ReportSection> section) {
            section.ifPresent(this::add);
            return this;
        }

        /** The model. */
        public ReportModel build() {
            return new ReportModel(this);
        }
    }
}
