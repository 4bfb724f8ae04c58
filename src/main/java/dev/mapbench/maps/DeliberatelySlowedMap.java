package dev.mapbench.maps;

import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * A decorator that makes a strategy really do about {@code percent} % more work per operation, so
 * the regression gate can be shown to catch a genuine slowdown measured by JMH (not a JSON edited
 * by hand). Selected with {@code -Dmapbench.slowdown=COPY_ON_WRITE:30} (or the environment variable
 * {@code MAPBENCH_SLOWDOWN}, which forked JMH VMs inherit whatever JVM arguments the runner passes).
 *
 * <p>Extra work is done by repeating real operations on the delegate, chosen by a hash of the key,
 * so the timed path gains no counter, no shared write and no random draw: a selected {@code get} or
 * {@code put} runs twice (the repeat leaves the map unchanged); a selected {@code remove} that
 * removed an entry puts it back and removes it again (two extra writes, so removes are selected at
 * half the rate). With uniform keys the share of repeated operations is {@code percent} %; with
 * Zipfian keys it depends on which hot keys fall in the selected set, so the slowdown varies by
 * cell around that figure.
 */
public final class DeliberatelySlowedMap<V> implements SharedMap<Long, V> {

    /** The system property that selects a slowed strategy: {@code STRATEGY:percent}. */
    public static final String PROPERTY = "mapbench.slowdown";
    /** The environment variable read when the system property is absent. */
    public static final String ENVIRONMENT_VARIABLE = "MAPBENCH_SLOWDOWN";

    private static final int HASH_BUCKETS = 1 << 16;

    private final SharedMap<Long, V> delegate;
    private final int repeatBelow;
    private final int repeatRemoveBelow;

    /** Wraps {@code delegate} so about {@code percent} % of its operations are done twice. */
    public DeliberatelySlowedMap(SharedMap<Long, V> delegate, int percent) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("slowdown percent must be 1..100, got " + percent);
        }
        this.delegate = delegate;
        this.repeatBelow = percent * HASH_BUCKETS / 100;
        this.repeatRemoveBelow = repeatBelow / 2;
    }

    /**
     * The slowdown percent configured for {@code strategy}, or 0. The setting is
     * {@code STRATEGY:percent[,STRATEGY:percent...]}; a malformed one fails loudly rather than
     * silently measuring the unslowed map.
     */
    static int configuredPercent(MapStrategy strategy) {
        String setting = configuredSetting();
        if (setting == null) {
            return 0;
        }
        int percent = 0;
        for (String entry : setting.split(",")) {
            String[] parts = entry.trim().split(":");
            if (parts.length != 2) {
                throw new IllegalArgumentException(PROPERTY + ": expected STRATEGY:percent, got \"" + entry + "\"");
            }
            MapStrategy named = MapStrategy.valueOf(parts[0].trim().toUpperCase(Locale.ROOT));
            if (named == strategy) {
                percent = Integer.parseInt(parts[1].trim());
            }
        }
        return percent;
    }

    /**
     * The raw slowdown setting in force (property, else environment variable), or {@code null}: run
     * metadata records it so a deliberately slowed run can never pass for a normal one.
     */
    public static String configuredSetting() {
        String setting = System.getProperty(PROPERTY);
        if (setting == null || setting.isBlank()) {
            setting = System.getenv(ENVIRONMENT_VARIABLE);
        }
        return setting == null || setting.isBlank() ? null : setting;
    }

    @Override
    public V get(Long key) {
        V value = delegate.get(key);
        if (selected(key, repeatBelow)) {
            V again = delegate.get(key);
            // Returning the later read keeps the repeat from being dead code.
            return again;
        }
        return value;
    }

    @Override
    public V put(Long key, V value) {
        V previous = delegate.put(key, value);
        if (selected(key, repeatBelow)) {
            delegate.put(key, value);
        }
        return previous;
    }

    @Override
    public V remove(Long key) {
        V previous = delegate.remove(key);
        if (previous != null && selected(key, repeatRemoveBelow)) {
            delegate.put(key, previous);
            delegate.remove(key);
        }
        return previous;
    }

    /** The benchmarks' fill, before timing: not slowed, and in one copy where the delegate can. */
    @Override
    public void putAll(java.util.Map<? extends Long, ? extends V> entries) {
        delegate.putAll(entries);
    }

    @Override
    public int size() {
        return delegate.size();
    }

    @Override
    public void forEach(BiConsumer<? super Long, ? super V> action) {
        delegate.forEach(action);
    }

    /** The strategy's own map, undecorated. */
    public SharedMap<Long, V> delegate() {
        return delegate;
    }

    /** Whether the key's hash falls in the first {@code below} of {@link #HASH_BUCKETS} buckets. */
    private static boolean selected(Long key, int below) {
        long mixed = key * 0x9E3779B97F4A7C15L; // Fibonacci hashing: spreads sequential ids evenly
        int bucket = (int) (mixed >>> 48);
        return bucket < below;
    }
}
