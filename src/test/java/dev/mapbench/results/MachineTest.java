package dev.mapbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MachineTest {

    private static Machine machine(String cpu, String kernel, String home, List<String> jvmArgs) {
        return new Machine(cpu, 2, new Machine.Jvm("Debian", "17.0.15", "OpenJDK 64-Bit Server VM", home),
                new Machine.Os("Linux", kernel, "amd64"), "G1", jvmArgs, 1L << 30);
    }

    @Test
    void aKernelBuildOrAnotherJdkInstallIsTheSameEnvironment() {
        Machine before = machine("AMD EPYC", "6.18.44-fc-v669", "/usr/lib/jvm/java-17", List.of("-Xmx1g"));
        Machine after = machine("AMD EPYC", "6.18.44-fc-v973", "/opt/jdk-17", List.of("-Xmx1g"));
        assertTrue(before.sameEnvironment(after));
        assertEquals(List.of(), Machine.differences(List.of(before.identity(), after.identity())));
    }

    @Test
    void anotherCpuOrOtherForkArgumentsIsAnotherEnvironment() {
        Machine amd = machine("AMD EPYC", "6.1", "/jdk", List.of("-Xmx1g"));
        Machine intel = machine("Intel Xeon", "6.1", "/jdk", List.of("-Xmx1g", "-XX:-UseCompressedOops"));
        assertFalse(amd.sameEnvironment(intel));
        assertEquals(List.of(new Machine.Difference("cpuModel", List.of("AMD EPYC", "Intel Xeon")),
                new Machine.Difference("jvmArgs", List.of("-Xmx1g", "-Xmx1g -XX:-UseCompressedOops"))),
                Machine.differences(List.of(amd.identity(), intel.identity())));
    }

    @Test
    void anAbsentFieldDiffersFromARecordedOne() {
        Machine recorded = machine("AMD EPYC", "6.1", "/jdk", List.of());
        Machine unknown = new Machine(null, 2, recorded.jvm(), recorded.os(), "G1", List.of(), 1L << 30);
        assertEquals(List.of(new Machine.Difference("cpuModel", List.of("AMD EPYC", Machine.ABSENT))),
                Machine.differences(List.of(recorded.identity(), unknown.identity())));
    }

    @Test
    void aMergeOfTwoMachinesNamesBothAndClaimsNoNumberItDoesNotShare() {
        Machine one = machine("AMD EPYC", "6.1", "/jdk", List.of("-Xmx1g"));
        Machine two = new Machine("Intel Xeon", 2, one.jvm(), one.os(), "G1", List.of("-Xmx2g"), 2L << 30);
        Machine common = Machine.common(List.of(one, two), List.of("1/2", "2/2"));
        assertEquals("mixed: AMD EPYC (1/2), Intel Xeon (2/2)", common.cpuModel());
        assertEquals(2, common.cores());
        assertNull(common.heapMaxBytes());
        assertNull(common.jvmArgs());
        assertEquals(one.jvm(), common.jvm());
        assertEquals(Map.of("cores", "2", "jvm.vendor", "Debian", "jvm.version", "17.0.15", "jvm.name",
                "OpenJDK 64-Bit Server VM", "gc", "G1", "os.name", "Linux", "os.arch", "amd64", "cpuModel",
                "mixed: AMD EPYC (1/2), Intel Xeon (2/2)"), common.identity());
    }
}
