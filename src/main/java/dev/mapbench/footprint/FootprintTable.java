package dev.mapbench.footprint;

import java.io.PrintWriter;
import java.util.Locale;

/** The footprint as an aligned plain-text table, for a person reading the terminal. */
public final class FootprintTable {

    private static final String LINE = "%-24s %8s %-9s %8s %12s %12s %12s %10s%n";

    private FootprintTable() {
    }

    public static void print(FootprintReport report, PrintWriter out) {
        MeasuringJvm jvm = report.jvm();
        out.printf(Locale.ROOT, "JVM: %s %s, compressed oops %s, sizes from %s%n",
                jvm.vendor(), jvm.version(), jvm.compressedOops(), jvm.sizeSource());
        out.printf(Locale.ROOT, LINE, "strategy", "size", "phase", "entries", "total B", "structure B", "payload B",
                "struct/size");
        for (FootprintRow row : report.rows()) {
            out.printf(Locale.ROOT, LINE, row.strategy().name(), row.size(), row.phase().label(), row.entries(),
                    row.totalBytes(), row.structureBytes(), row.payloadBytes(),
                    String.format(Locale.ROOT, "%.1f", (double) row.structureBytes() / row.size()));
        }
    }
}
