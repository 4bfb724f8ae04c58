package dev.mapbench.footprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.vm.VM;

@Tag("slow")
class MeasuringJvmTest {

    @Test
    void describesThisJvmAndItsObjectLayout() {
        MeasuringJvm jvm = MeasuringJvm.current();

        assertEquals(System.getProperty("java.vm.vendor"), jvm.vendor());
        assertEquals(System.getProperty("java.runtime.version"), jvm.version());
        assertEquals(VM.current().objectHeaderSize(), jvm.objectHeaderBytes());
        assertEquals(VM.current().objectAlignment(), jvm.objectAlignmentBytes());
        boolean compressedOopsRequested = ManagementFactory.getRuntimeMXBean().getInputArguments()
                .contains("-XX:-UseCompressedOops");
        assertEquals(!compressedOopsRequested, jvm.compressedOops());
        assertTrue(jvm.jolDetails().startsWith("# VM mode"), jvm.jolDetails());
    }

    @Test
    void saysWhereSizesCameFromAndHowToGetTheVmsOwn() {
        MeasuringJvm jvm = MeasuringJvm.current();

        assertTrue(List.of(MeasuringJvm.SIZES_FROM_INSTRUMENTATION, MeasuringJvm.SIZES_FROM_JOL_MODEL,
                MeasuringJvm.SIZES_FROM_UNKNOWN).contains(jvm.sizeSource()), jvm.sizeSource());
        boolean attachAllowed = Boolean.getBoolean("jdk.attach.allowAttachSelf");
        if (!attachAllowed) {
            assertEquals(MeasuringJvm.SIZES_FROM_JOL_MODEL, jvm.sizeSource());
            assertTrue(jvm.notes().stream().anyMatch(note -> note.contains(MeasuringJvm.RECOMMENDED_JVM_OPTIONS)),
                    jvm.notes()::toString);
        }
    }

    @Test
    void describesTheJvmOnceSoJolsOneTimeWarningsAreKept() {
        assertSame(MeasuringJvm.current(), MeasuringJvm.current());
    }
}
