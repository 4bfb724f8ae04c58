package dev.mapbench.workload;

import dev.mapbench.maps.MapOperation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A named workload: what its threads do to one shared map. A preset ({@link Presets}) or a workload file
 * ({@link WorkloadFile}); the runner races it like any grid workload, the benchmark
 * ({@code MapOperationBenchmark}) walks sequences generated from it ({@link OperationSequence}).
 *
 * <p>How the operations keep a map steady: a {@code remove} takes a present key away, and the next operation
 * of that thread that can put a key back ({@code insert}, {@code putIfAbsent}, {@code computeIfAbsent},
 * {@code merge}) takes that same key, so each remove makes exactly one miss and the map stays within
 * {@code threads} entries of {@code size}; every other operation draws a present key. A steady workload's
 * {@code insert} weight must not exceed its {@code remove} weight. A growing workload ({@code grows}) inserts
 * keys that were never in the map, starting from {@code size} (0: empty); the map is rebuilt before every
 * measured iteration (outside the timed part), so each iteration measures the same growth, and a growing
 * workload has no removes.
 *
 * @param name the workload's name, lower case, digits and dashes ({@code ycsb-a}, {@code cache})
 * @param source where it comes from, one sentence (a YCSB core workload, a team's service)
 * @param mix the operations with their weights in percent, summing to 100; empty when the workload has roles
 * @param roles the kinds of thread with their own mixes (at most two); empty when every thread runs {@code mix}
 * @param keyType what the keys are
 * @param size keys in the map when timing starts
 * @param distribution how an operation picks its key
 * @param grows whether inserts add keys that were never in the map
 * @param presized whether the map is created with the capacity for its largest size (false: the strategy's
 *     default capacity, so a growing map resizes under contention)
 * @param valueBytes 0 for {@code Long} values (the key's own number); otherwise each value is a shared
 *     {@code byte[]} of that size
 * @param threads the thread counts a run measures it at; empty for the run's own sweep
 */
public record WorkloadSpec(String name, String source, Map<MapOperation, Integer> mix, List<Role> roles,
        KeyType keyType, int size, Distribution distribution, boolean grows, boolean presized, int valueBytes,
        List<Integer> threads) {

    /** Roles a workload may have: a JMH group of two methods. */
    public static final int MAX_ROLES = 2;
    /** The largest value size, 1 MiB: a map of 10 000 such values already fills most of a 1 GiB heap. */
    public static final int MAX_VALUE_BYTES = 1 << 20;
    /** The operations that put a removed key back (the next such operation after a remove takes its key). */
    public static final Set<MapOperation> REFILLS = EnumSet.of(MapOperation.INSERT, MapOperation.PUT_IF_ABSENT,
            MapOperation.COMPUTE_IF_ABSENT, MapOperation.MERGE);

    /** Checks every rule a workload file can break; the message names the field and what is allowed. */
    public WorkloadSpec {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("name: '" + name + "' must be 1-40 lower-case letters, digits or dashes");
        }
        source = source == null ? "" : source;
        mix = mix == null ? Map.of() : Map.copyOf(mix);
        roles = roles == null ? List.of() : List.copyOf(roles);
        threads = threads == null ? List.of() : List.copyOf(threads);
        if (mix.isEmpty() == roles.isEmpty()) {
            throw new IllegalArgumentException(roles.isEmpty() ? "operations: missing; give the operations with their "
                    + "weights in percent, or roles" : "operations and roles: give one, not both (each role has its "
                    + "own operations)");
        }
        if (!mix.isEmpty()) {
            checkMix("operations", mix);
        }
        if (roles.size() > MAX_ROLES) {
            throw new IllegalArgumentException("roles: " + roles.size() + " given; at most " + MAX_ROLES
                    + " (they run as one JMH group of two methods)");
        }
        Set<String> roleNames = new java.util.HashSet<>();
        int restRoles = 0;
        for (Role role : roles) {
            if (role.name() == null || !role.name().matches("[a-z][a-z0-9-]{0,19}") || !roleNames.add(role.name())) {
                throw new IllegalArgumentException("roles: name '" + role.name() + "' must be unique, 1-20 lower-case "
                        + "letters, digits or dashes");
            }
            if (role.threads() < 0) {
                throw new IllegalArgumentException("roles." + role.name() + ".threads: " + role.threads()
                        + " is negative; allowed: a count >= 1, or rest");
            }
            restRoles += role.takesTheRest() ? 1 : 0;
            checkMix("roles." + role.name() + ".operations", role.mix());
        }
        if (restRoles > 1) {
            throw new IllegalArgumentException("roles: only one role may take the rest of the threads");
        }
        if (keyType == null) {
            throw new IllegalArgumentException("keys.type: missing; allowed: long, string, string-built");
        }
        if (size < 0 || (size == 0 && !grows)) {
            throw new IllegalArgumentException("size: " + size + (size < 0 ? " is negative" : " leaves a steady map "
                    + "empty") + "; allowed: >= 1, or 0 with growth: grow");
        }
        if (distribution == null) {
            throw new IllegalArgumentException("distribution.type: missing; allowed: uniform, zipf, latest, hotspot");
        }
        if (valueBytes < 0 || valueBytes > MAX_VALUE_BYTES) {
            throw new IllegalArgumentException("valueBytes: " + valueBytes + " is outside 0.." + MAX_VALUE_BYTES);
        }
        for (Map<MapOperation, Integer> one : mixes(mix, roles)) {
            int inserts = one.getOrDefault(MapOperation.INSERT, 0);
            int removes = one.getOrDefault(MapOperation.REMOVE, 0);
            if (grows && removes > 0) {
                throw new IllegalArgumentException("operations.remove: a growing map has no removes (growth: grow); "
                        + "remove it or make the map steady");
            }
            if (!grows && inserts > removes) {
                throw new IllegalArgumentException("operations.insert: " + inserts + " % inserts but " + removes
                        + " % removes in a steady map: an insert puts back a removed key, so inserts may not "
                        + "exceed removes; allowed: insert <= remove, or growth: grow");
            }
            int refills = REFILLS.stream().mapToInt(operation -> one.getOrDefault(operation, 0)).sum();
            if (!grows && removes > refills) {
                throw new IllegalArgumentException("operations.remove: " + removes + " % removes but " + refills + " % "
                        + "operations that put a key back (insert, putIfAbsent, computeIfAbsent, merge): a steady map would "
                        + "drain; allowed: remove <= their sum");
            }
            if (one.getOrDefault(MapOperation.MERGE, 0) > 0 && valueBytes > 0) {
                throw new IllegalArgumentException("valueBytes: merge counts in Long values; allowed with merge: 0");
            }
        }
        if (grows && roles.isEmpty() && mix.getOrDefault(MapOperation.INSERT, 0) == 0) {
            throw new IllegalArgumentException("growth: grow needs inserts; allowed: operations.insert > 0, or growth: none");
        }
        for (int count : threads) {
            if (count < 1) {
                throw new IllegalArgumentException("threads: " + count + " is not a thread count >= 1");
            }
        }
    }

    private static List<Map<MapOperation, Integer>> mixes(Map<MapOperation, Integer> mix, List<Role> roles) {
        List<Map<MapOperation, Integer>> all = new ArrayList<>();
        if (!mix.isEmpty()) {
            all.add(mix);
        }
        roles.forEach(role -> all.add(role.mix()));
        return all;
    }

    private static void checkMix(String field, Map<MapOperation, Integer> mix) {
        int sum = 0;
        for (Map.Entry<MapOperation, Integer> entry : mix.entrySet()) {
            if (entry.getValue() == null || entry.getValue() < 0) {
                throw new IllegalArgumentException(field + "." + entry.getKey().label() + ": " + entry.getValue()
                        + " is not a weight >= 0");
            }
            sum += entry.getValue();
        }
        if (sum != 100) {
            throw new IllegalArgumentException(field + ": the weights sum to " + sum + "; they must sum to 100 (percent)");
        }
    }

    /** Every operation the workload calls (what a strategy must implement). */
    public Set<MapOperation> operations() {
        Set<MapOperation> used = EnumSet.noneOf(MapOperation.class);
        for (Map<MapOperation, Integer> one : mixes(mix, roles)) {
            one.forEach((operation, weight) -> {
                if (weight > 0) {
                    used.add(operation);
                }
            });
        }
        return used;
    }

    /** Whether threads run different mixes. */
    public boolean hasRoles() {
        return !roles.isEmpty();
    }

    /** Whether the workload ever writes (a strategy that is not thread-safe may run only one that does not). */
    public boolean writes() {
        Set<MapOperation> used = operations();
        used.remove(MapOperation.GET);
        used.remove(MapOperation.WALK);
        return !used.isEmpty();
    }

    /**
     * The thread count of each role at {@code totalThreads} threads, in role order; one entry (all threads) for a
     * workload without roles. Throws when the roles need more threads than that, or leave the rest role none.
     */
    public List<Integer> threadsPerRole(int totalThreads) {
        if (roles.isEmpty()) {
            return List.of(totalThreads);
        }
        int fixed = roles.stream().mapToInt(Role::threads).sum();
        List<Integer> counts = new ArrayList<>();
        for (Role role : roles) {
            counts.add(role.takesTheRest() ? totalThreads - fixed : role.threads());
        }
        if (counts.stream().anyMatch(count -> count < 1) || counts.stream().mapToInt(Integer::intValue).sum() != totalThreads) {
            throw new IllegalArgumentException(name + ": roles need " + describeRoles() + ", which " + totalThreads
                    + " thread(s) cannot give");
        }
        return counts;
    }

    /** The fewest threads the roles can run at (1 without roles). */
    public int minimumThreads() {
        if (roles.isEmpty()) {
            return 1;
        }
        return roles.stream().mapToInt(role -> role.takesTheRest() ? 1 : role.threads()).sum();
    }

    /** E.g. "readers: the rest, writers: 1". */
    public String describeRoles() {
        List<String> parts = new ArrayList<>();
        for (Role role : roles) {
            parts.add(role.name() + ": " + (role.takesTheRest() ? "the rest" : role.threads()));
        }
        return String.join(", ", parts);
    }

    /** The mix as a file writes it, e.g. {@code get 90, computeIfAbsent 10}. */
    public static String describeMix(Map<MapOperation, Integer> mix) {
        Map<MapOperation, Integer> ordered = new EnumMap<>(mix);
        List<String> parts = new ArrayList<>();
        ordered.forEach((operation, weight) -> parts.add(operation.label() + " " + weight));
        return String.join(", ", parts);
    }
}
