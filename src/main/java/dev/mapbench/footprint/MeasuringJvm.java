package dev.mapbench.footprint;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jol.vm.VM;
import org.openjdk.jol.vm.VirtualMachine;

/**
 * The JVM a footprint was measured on, its object layout, and how JOL sized objects there.
 *
 * <p>Object sizes depend on the JVM's layout flags (compressed references, compressed class
 * pointers, JDK 24+'s compact object headers), so every footprint file carries them.
 *
 * @param vendor                  {@code java.vm.vendor}
 * @param version                 {@code java.runtime.version}
 * @param name                    {@code java.vm.name}
 * @param home                    {@code java.home}
 * @param compressedOops          {@code -XX:UseCompressedOops}, or null where the VM does not say
 * @param compressedClassPointers {@code -XX:UseCompressedClassPointers}, or null
 * @param compactObjectHeaders    {@code -XX:UseCompactObjectHeaders} (JDK 24+), or null where absent
 * @param objectHeaderBytes       JOL's object header size on this VM
 * @param arrayHeaderBytes        JOL's array header size on this VM
 * @param objectAlignmentBytes    JOL's object alignment on this VM
 * @param sizeSource              {@value #SIZES_FROM_INSTRUMENTATION}, {@value #SIZES_FROM_JOL_MODEL}
 *                                or {@value #SIZES_FROM_UNKNOWN}
 * @param notes                   what JOL warned about while it initialised, and what that means
 * @param jolDetails              JOL's own description of the VM ({@code VM.current().details()})
 */
public record MeasuringJvm(
        String vendor,
        String version,
        String name,
        String home,
        Boolean compressedOops,
        Boolean compressedClassPointers,
        Boolean compactObjectHeaders,
        int objectHeaderBytes,
        int arrayHeaderBytes,
        int objectAlignmentBytes,
        String sizeSource,
        List<String> notes,
        String jolDetails) {

    /** JOL attached its agent: the VM itself sized every object ({@code Instrumentation.getObjectSize}). */
    public static final String SIZES_FROM_INSTRUMENTATION = "instrumentation";
    /** JOL could not attach: sizes come from JOL's model of this VM's layout (field offsets, headers, alignment). */
    public static final String SIZES_FROM_JOL_MODEL = "jol-model";
    /** This JOL version does not let us tell which of the two it used. */
    public static final String SIZES_FROM_UNKNOWN = "unknown";

    /** JVM options that let JOL attach quietly on JDK 17 and on JDK 21+ (the last two are ignored by JDK 17..22). */
    public static final String RECOMMENDED_JVM_OPTIONS = "-Djdk.attach.allowAttachSelf=true -XX:+EnableDynamicAgentLoading "
            + "-XX:+IgnoreUnrecognizedVMOptions --sun-misc-unsafe-memory-access=allow";

    private static final String MAGIC_FIELD_OFFSET = "jol.magicFieldOffset";

    private static MeasuringJvm current;

    /**
     * Initialises JOL and describes this JVM. JOL prints its warnings to {@code System.out}, once;
     * they are captured here into {@link #notes} so they do not interleave with a tool's own output,
     * and the description is kept so later callers see the same notes.
     */
    public static synchronized MeasuringJvm current() {
        if (current == null) {
            current = describe();
        }
        return current;
    }

    private static MeasuringJvm describe() {
        if (System.getProperty(MAGIC_FIELD_OFFSET) == null) {
            // Unsafe.objectFieldOffset refuses record classes (the wrapper layer's Entry is one);
            // JOL's "magic" path reads the offsets another way. It must be set before JOL loads.
            System.setProperty(MAGIC_FIELD_OFFSET, "true");
        }
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        VirtualMachine vm;
        String details;
        try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            vm = VM.current();
            details = vm.details();
        } finally {
            System.setOut(stdout);
        }
        List<String> notes = new ArrayList<>();
        captured.toString(StandardCharsets.UTF_8).lines()
                .map(line -> line.replaceFirst("^#\\s*", "").strip())
                .filter(line -> !line.isEmpty())
                .forEach(notes::add);
        String sizeSource = sizeSource(vm);
        if (!sizeSource.equals(SIZES_FROM_INSTRUMENTATION)) {
            notes.add("sizes are JOL's layout model of this VM, not the VM's own Instrumentation.getObjectSize "
                    + "(normally identical on HotSpot); to let JOL attach, run with " + RECOMMENDED_JVM_OPTIONS);
        }
        return new MeasuringJvm(
                System.getProperty("java.vm.vendor"),
                System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.name"),
                System.getProperty("java.home"),
                booleanVmOption("UseCompressedOops"),
                booleanVmOption("UseCompressedClassPointers"),
                booleanVmOption("UseCompactObjectHeaders"),
                vm.objectHeaderSize(),
                vm.arrayHeaderSize(),
                vm.objectAlignment(),
                sizeSource,
                List.copyOf(notes),
                details.strip());
    }

    /** Whether these sizes came from the VM itself rather than from JOL's model. */
    public boolean sizesFromInstrumentation() {
        return SIZES_FROM_INSTRUMENTATION.equals(sizeSource);
    }

    /**
     * JOL 0.17 keeps the attached {@code Instrumentation} in a private field of its VM object and
     * offers no accessor; reading it is the only way to know which way sizes were computed.
     */
    private static String sizeSource(VirtualMachine vm) {
        try {
            Field field = vm.getClass().getDeclaredField("instrumentation");
            field.setAccessible(true);
            return field.get(vm) != null ? SIZES_FROM_INSTRUMENTATION : SIZES_FROM_JOL_MODEL;
        } catch (ReflectiveOperationException | RuntimeException unknownJolInternals) {
            return SIZES_FROM_UNKNOWN;
        }
    }

    private static Boolean booleanVmOption(String option) {
        try {
            HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return hotSpot == null ? null : Boolean.valueOf(hotSpot.getVMOption(option).getValue());
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError absentOnThisVm) {
            return null;
        }
    }
}
