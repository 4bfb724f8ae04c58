package dev.mapbench.bench;

/** How the workload picks which key each operation touches. */
public enum KeyDistribution {
    /** Every key equally likely. */
    UNIFORM,
    /** Zipf with exponent {@value WorkloadSequence#ZIPF_EXPONENT}: a few hot keys take most operations. */
    ZIPFIAN
}
