package dev.mapbench.maps;

import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

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
 *
 * <p>{@code STRATEGY:xN} (e.g. {@code COPY_ON_WRITE:x9}) repeats <em>every</em> operation so that it costs about
 * N of them: a {@code get} or {@code put} runs N times, a {@code remove} that removed an entry puts it back and
 * removes it again (N - 1) / 2 more times. The runner gives this to one fork of a cell to plant a slow mode
 * ({@code MAPBENCH_SLOW_FORK}).
 */
public final class DeliberatelySlowedMap<K, V> implements SharedMap<K, V> {

    /** The system property that selects a slowed strategy: {@code STRATEGY:percent}. */
    public static final String PROPERTY = "mapbench.slowdown";
    /** The environment variable read when the system property is absent. */
    public static final String ENVIRONMENT_VARIABLE = "MAPBENCH_SLOWDOWN";

    private static final int HASH_BUCKETS = 1 << 16;

    private final SharedMap<K, V> delegate;
    private final int repeatBelow;
    private final int repeatRemoveBelow;
    /** Extra runs of every selected operation: 1 for a percentage, N - 1 for {@code xN}. */
    private final int repeats;

    /** Wraps {@code delegate} so about {@code percent} % of its operations are done twice. */
    public DeliberatelySlowedMap(SharedMap<K, V> delegate, int percent) {
        this(delegate, percent, 1);
    }

    private DeliberatelySlowedMap(SharedMap<K, V> delegate, int percent, int repeats) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("slowdown percent must be 1..100, got " + percent);
        }
        this.delegate = delegate;
        this.repeatBelow = percent * HASH_BUCKETS / 100;
        this.repeatRemoveBelow = repeats == 1 ? repeatBelow / 2 : repeatBelow;
        this.repeats = repeats;
    }

    /** Wraps {@code delegate} so every operation costs about {@code factor} of them ({@code xN}). */
    public static <K, V> DeliberatelySlowedMap<K, V> times(SharedMap<K, V> delegate, int factor) {
        if (factor < 2 || factor > 1000) {
            throw new IllegalArgumentException("slowdown factor must be 2..1000, got " + factor);
        }
        return new DeliberatelySlowedMap<>(delegate, 100, factor - 1);
    }

    /**
     * {@code map} wrapped as {@value #PROPERTY} (or {@value #ENVIRONMENT_VARIABLE}) asks for {@code strategy}, or
     * {@code map} itself when it names another strategy or none.
     */
    static <K, V> SharedMap<K, V> wrapIfConfigured(MapStrategy strategy, SharedMap<K, V> map) {
        String setting = configuredSetting();
        if (setting == null) {
            return map;
        }
        SharedMap<K, V> wrapped = map;
        for (String entry : setting.split(",")) {
            String[] parts = entry.trim().split(":");
            if (parts.length != 2) {
                throw new IllegalArgumentException(PROPERTY + ": expected STRATEGY:percent or STRATEGY:xN, got \"" + entry
                        + "\"");
            }
            if (MapStrategy.valueOf(parts[0].trim().toUpperCase(Locale.ROOT)) != strategy) {
                continue;
            }
            String amount = parts[1].trim();
            wrapped = amount.startsWith("x") ? times(map, Integer.parseInt(amount.substring(1)))
                    : new DeliberatelySlowedMap<>(map, Integer.parseInt(amount));
        }
        return wrapped;
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
    public V get(K key) {
        V value = delegate.get(key);
        if (selected(key, repeatBelow)) {
            for (int i = 0; i < repeats; i++) {
                value = delegate.get(key); // returning the later read keeps the repeat from being dead code
            }
        }
        return value;
    }

    @Override
    public V put(K key, V value) {
        V previous = delegate.put(key, value);
        if (selected(key, repeatBelow)) {
            for (int i = 0; i < repeats; i++) {
                delegate.put(key, value);
            }
        }
        return previous;
    }

    @Override
    public V remove(K key) {
        V previous = delegate.remove(key);
        if (previous != null && selected(key, repeatRemoveBelow)) {
            for (int i = 0; i < Math.max(1, repeats / 2); i++) {
                delegate.put(key, previous);
                delegate.remove(key);
            }
        }
        return previous;
    }

    /** Repeated like a put: the repeat finds the key present and changes nothing. */
    @Override
    public V putIfAbsent(K key, V value) {
        V previous = delegate.putIfAbsent(key, value);
        if (selected(key, repeatBelow)) {
            for (int i = 0; i < repeats; i++) {
                delegate.putIfAbsent(key, value);
            }
        }
        return previous;
    }

    /** Repeated like a get: the repeat finds the value the first call left. */
    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mapping) {
        V value = delegate.computeIfAbsent(key, mapping);
        if (selected(key, repeatBelow)) {
            for (int i = 0; i < repeats; i++) {
                value = delegate.computeIfAbsent(key, mapping);
            }
        }
        return value;
    }

    /** A merge is not idempotent: the extra work is reads of the merged key, which change nothing. */
    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remapping) {
        V merged = delegate.merge(key, value, remapping);
        if (selected(key, repeatBelow)) {
            for (int i = 0; i < repeats; i++) {
                merged = delegate.get(key);
            }
        }
        return merged;
    }

    @Override
    public Set<MapOperation> operations() {
        return delegate.operations();
    }

    @Override
    public String caveat(MapOperation operation) {
        return delegate.caveat(operation);
    }

    /** The benchmarks' fill, before timing: not slowed, and in one copy where the delegate can. */
    @Override
    public void putAll(java.util.Map<? extends K, ? extends V> entries) {
        delegate.putAll(entries);
    }

    @Override
    public int size() {
        return delegate.size();
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        delegate.forEach(action);
    }

    /** The strategy's own map, undecorated. */
    public SharedMap<K, V> delegate() {
        return delegate;
    }

    /** Whether the key's hash falls in the first {@code below} of {@link #HASH_BUCKETS} buckets. */
    private static boolean selected(Object key, int below) {
        long id = key instanceof Long number ? number : key.hashCode();
        long mixed = id * 0x9E3779B97F4A7C15L; // Fibonacci hashing: spreads sequential ids evenly
        int bucket = (int) (mixed >>> 48);
        return bucket < below;
    }
}
