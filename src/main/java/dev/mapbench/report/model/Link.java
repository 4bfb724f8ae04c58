package dev.mapbench.report.model;

/** A link in the report: shown text and an href relative to the report folder. */
public record Link(String name, String href) {
}
