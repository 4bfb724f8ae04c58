package dev.mapbench.workload;

import java.util.Locale;

/**
 * How a workload picks which key each operation touches.
 *
 * <ul>
 *   <li>{@link Uniform}: every key equally likely;</li>
 *   <li>{@link Zipf}: Zipf with a settable constant (default 0.99, YCSB's), ranks shuffled over the keys so hot
 *       keys are scattered over the table's buckets;</li>
 *   <li>{@link Latest}: Zipf over recency (YCSB's "latest"): the most recently inserted keys are the hottest,
 *       for maps that grow;</li>
 *   <li>{@link Hotspot}: {@code hotOpsPercent} % of operations on {@code hotKeysPercent} % of the keys, uniform
 *       inside and outside the hot set.</li>
 * </ul>
 */
public sealed interface Distribution permits Distribution.Uniform, Distribution.Zipf, Distribution.Latest,
        Distribution.Hotspot {

    /** YCSB's Zipf constant: the hottest 1 % of keys take roughly half the operations. */
    double DEFAULT_ZIPF = 0.99;

    /** A short label for ids and tables: {@code UNIFORM}, {@code ZIPF0.99}, {@code LATEST0.99}, {@code HOT90-10}. */
    String label();

    /** Every key equally likely. */
    record Uniform() implements Distribution {
        @Override
        public String label() {
            return "UNIFORM";
        }
    }

    /** Zipf over the keys with exponent {@code constant}. */
    record Zipf(double constant) implements Distribution {
        public Zipf {
            if (!(constant > 0 && constant < 10)) {
                throw new IllegalArgumentException("zipf constant must be in (0, 10), got " + constant);
            }
        }

        @Override
        public String label() {
            return constant == DEFAULT_ZIPF ? "ZIPFIAN" : String.format(Locale.ROOT, "ZIPF%s", trim(constant));
        }
    }

    /** Zipf over recency: rank 1 is the newest key. */
    record Latest(double constant) implements Distribution {
        public Latest {
            if (!(constant > 0 && constant < 10)) {
                throw new IllegalArgumentException("latest constant must be in (0, 10), got " + constant);
            }
        }

        @Override
        public String label() {
            return constant == DEFAULT_ZIPF ? "LATEST" : "LATEST" + trim(constant);
        }
    }

    /** {@code hotOpsPercent} % of operations on {@code hotKeysPercent} % of the keys. */
    record Hotspot(int hotOpsPercent, int hotKeysPercent) implements Distribution {
        public Hotspot {
            if (hotOpsPercent < 0 || hotOpsPercent > 100 || hotKeysPercent < 1 || hotKeysPercent > 100) {
                throw new IllegalArgumentException("hotspot needs 0 <= hotOpsPercent <= 100 and 1 <= hotKeysPercent <= 100, got "
                        + hotOpsPercent + " and " + hotKeysPercent);
            }
        }

        @Override
        public String label() {
            return "HOT" + hotOpsPercent + "_" + hotKeysPercent;
        }
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString(Math.round(value)) : Double.toString(value).replace('.', 'P');
    }
}
