package dev.mapbench.footprint;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The moments in a map's life at which its footprint is measured, in the order they happen. */
public enum FootprintPhase {
    /** Right after {@code MapStrategy.create(size)}, before any put: the baseline. */
    CREATED,
    /** After putting every entry. */
    FILLED,
    /** After removing every entry again: what a map keeps once its content is gone. */
    EMPTIED,
    /** After putting the same entries back into the emptied map. */
    REFILLED;

    /** The lower-case name used in the JSON and CSV files. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
