package dev.mapbench.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The machine and JVM a run measured on, as env.json records them, and mapbench's one definition of "the same
 * environment": which of these facts must agree for two runs' numbers to be compared as code against code.
 *
 * <p>Two runs are in the same environment when they agree on every {@link #IDENTITY_FIELDS identity field}:
 * <ul>
 *   <li>{@code cpuModel} and {@code cores}: the hardware sets the speed and how many threads run at once;</li>
 *   <li>{@code jvm.vendor}, {@code jvm.version}, {@code jvm.name}: the JIT and runtime compile the same code
 *       differently (a JDK update moves map throughput by more than the effects we gate on);</li>
 *   <li>{@code gc}, {@code heapMaxBytes}, {@code jvmArgs}: the forks' collector, heap and flags decide
 *       allocation costs and barriers; {@code jvmArgs} also catches any other flag (compressed oops, ...);</li>
 *   <li>{@code os.name}, {@code os.arch}: the scheduler, the system calls and the instruction set.</li>
 * </ul>
 * Deliberately left out: {@code os.version} (a cloud VM's kernel build changes on every restart while the
 * hardware does not; counting it would make every baseline "another machine"), {@code jvm.home} (where the JDK
 * is installed, not what it is) and everything that says what was measured rather than where (commit, run id,
 * times, effort).
 *
 * <p>Every field may be absent (old or hand-written files); an absent field is compared as {@code (absent)}.
 *
 * @param cpuModel the CPU's model name, from {@code /proc/cpuinfo}
 * @param cores {@code availableProcessors} of the measuring machine
 * @param jvm the JVM the forks ran on
 * @param os the operating system
 * @param gc the forks' collector ({@code G1}, {@code Parallel}, {@code Z} ...)
 * @param jvmArgs the forks' JVM arguments
 * @param heapMaxBytes the forks' heap limit in bytes
 */
@JsonPropertyOrder({"jvm", "gc", "jvmArgs", "heapMaxBytes", "cores", "cpuModel", "os"})
public record Machine(String cpuModel, Integer cores, Jvm jvm, Os os, String gc, List<String> jvmArgs,
        Long heapMaxBytes) {

    /** The fields that make two runs comparable, in the order of the environment id and of every message. */
    public static final List<String> IDENTITY_FIELDS = List.of("cpuModel", "cores", "jvm.vendor", "jvm.version",
            "jvm.name", "gc", "heapMaxBytes", "jvmArgs", "os.name", "os.arch");

    /** How an absent field is shown when environments are compared. */
    public static final String ABSENT = "(absent)";

    /** Copies the list. */
    public Machine {
        jvmArgs = jvmArgs == null ? null : List.copyOf(jvmArgs);
    }

    /**
     * The JVM.
     *
     * @param vendor {@code java.vm.vendor}
     * @param version {@code java.runtime.version}
     * @param name {@code java.vm.name}
     * @param home {@code java.home}
     */
    public record Jvm(String vendor, String version, String name, String home) {
    }

    /**
     * The operating system.
     *
     * @param name {@code os.name}
     * @param version {@code os.version}
     * @param arch {@code os.arch}
     */
    public record Os(String name, String version, String arch) {
    }

    /**
     * The identity fields this machine records, as text by field name in {@link #IDENTITY_FIELDS} order (lists
     * joined by spaces); absent fields are left out.
     */
    public Map<String, String> identity() {
        Map<String, String> identity = new LinkedHashMap<>();
        put(identity, "cpuModel", cpuModel);
        put(identity, "cores", cores);
        put(identity, "jvm.vendor", jvm == null ? null : jvm.vendor());
        put(identity, "jvm.version", jvm == null ? null : jvm.version());
        put(identity, "jvm.name", jvm == null ? null : jvm.name());
        put(identity, "gc", gc);
        put(identity, "heapMaxBytes", heapMaxBytes);
        put(identity, "jvmArgs", jvmArgs == null ? null : String.join(" ", jvmArgs));
        put(identity, "os.name", os == null ? null : os.name());
        put(identity, "os.arch", os == null ? null : os.arch());
        return identity;
    }

    /** Whether runs on this machine and on {@code other} are comparable: every identity field agrees. */
    public boolean sameEnvironment(Machine other) {
        return identity().equals(other.identity());
    }

    /**
     * One identity field on which environments disagree.
     *
     * @param field the field, e.g. {@code cpuModel}
     * @param values each environment's value, in the order the environments were given ({@link #ABSENT} if absent)
     */
    public record Difference(String field, List<String> values) {

        /** Copies the list. */
        public Difference {
            values = List.copyOf(values);
        }
    }

    /**
     * The identity fields on which {@code identities} (each as {@link #identity()} gives it, or a map holding at
     * least those keys) do not all agree, in {@link #IDENTITY_FIELDS} order; empty when they are the same
     * environment.
     */
    public static List<Difference> differences(List<Map<String, String>> identities) {
        List<Difference> differences = new ArrayList<>();
        for (String field : IDENTITY_FIELDS) {
            List<String> values = identities.stream().map(identity -> identity.getOrDefault(field, ABSENT)).toList();
            if (new LinkedHashSet<>(values).size() > 1) {
                differences.add(new Difference(field, values));
            }
        }
        return differences;
    }

    /**
     * The machine a merge of {@code machines} can claim for all of them: each text identity field the machines
     * agree on, {@code "mixed: a (label a), b (label b)"} for one they do not (so cells from several machines are
     * never labelled with one of them), and null for a number or list they do not agree on (env.json's
     * {@code environmentsDiffer} says how they differ). {@code labels} name the machines in messages (shards).
     */
    public static Machine common(List<Machine> machines, List<String> labels) {
        Machine first = machines.get(0);
        Jvm jvm = new Jvm(mixed(machines, labels, m -> m.jvm() == null ? null : m.jvm().vendor()),
                mixed(machines, labels, m -> m.jvm() == null ? null : m.jvm().version()),
                mixed(machines, labels, m -> m.jvm() == null ? null : m.jvm().name()),
                first.jvm() == null ? null : first.jvm().home());
        Os os = new Os(mixed(machines, labels, m -> m.os() == null ? null : m.os().name()),
                first.os() == null ? null : first.os().version(),
                mixed(machines, labels, m -> m.os() == null ? null : m.os().arch()));
        return new Machine(mixed(machines, labels, Machine::cpuModel), same(machines, Machine::cores),
                first.jvm() == null && jvm.equals(new Jvm(null, null, null, null)) ? null : jvm,
                first.os() == null && os.equals(new Os(null, null, null)) ? null : os,
                mixed(machines, labels, Machine::gc), same(machines, Machine::jvmArgs),
                same(machines, Machine::heapMaxBytes));
    }

    /** The machines' common text value, or {@code mixed: ...} naming each with its label. */
    private static String mixed(List<Machine> machines, List<String> labels, Function<Machine, String> field) {
        List<String> values = machines.stream().map(field).map(value -> value == null ? ABSENT : value).toList();
        if (new LinkedHashSet<>(values).size() == 1) {
            return field.apply(machines.get(0));
        }
        List<String> labelled = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            labelled.add(values.get(i) + " (" + labels.get(i) + ")");
        }
        return "mixed: " + String.join(", ", labelled);
    }

    /** The machines' common value, or null when they differ. */
    private static <T> T same(List<Machine> machines, Function<Machine, T> field) {
        T value = field.apply(machines.get(0));
        return machines.stream().allMatch(machine -> Objects.equals(field.apply(machine), value)) ? value : null;
    }

    private static void put(Map<String, String> identity, String field, Object value) {
        if (value != null) {
            identity.put(field, value.toString());
        }
    }
}
