package dev.mapbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.maps.SharedMap;
import dev.mapbench.maps.Strategies;
import dev.mapbench.maps.Strategy;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hostile example maps are what they claim, and a map that cannot be built is one line naming why. */
class HostileMapsTest {

    @BeforeAll
    static void buildJars() {
        ExamplePluginJars.build();
    }

    private static Strategy resolve(String name) {
        return Strategies.resolve(name, PluginClasspath.parse(ExamplePluginJars.HOSTILE_JAR.toString()).loader(), Set.of());
    }

    @Test
    void aPluginWhoseConstructorThrowsIsOneLineNamingTheExceptionClassAndMessage() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> PluginGate.requireBuildable(resolve(ExamplePluginJars.LICENSED_MAP)));
        assertEquals("bench.strategies: org.example.LicensedMap cannot be built: its constructor threw "
                + "java.lang.IllegalStateException: needs a license key (set ORG_EXAMPLE_LICENSE); nothing was measured",
                refused.getMessage());
    }

    @Test
    void theRunsSettingsRefuseAPluginThatCannotBeBuiltBeforeAWorkloadBuildsIt() {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("bench.effort", "smoke");
        properties.setProperty("bench.classpath", ExamplePluginJars.HOSTILE_JAR.toString());
        properties.setProperty("bench.strategies", ExamplePluginJars.LICENSED_MAP + ",CONCURRENT_HASHMAP");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> BenchSettings.from(properties, 2));
        assertTrue(refused.getMessage().contains("cannot be built: its constructor threw java.lang.IllegalStateException: "
                + "needs a license key"), refused.getMessage());
    }

    @Test
    void theHostileMapsAreCorrectWhileSmallAndWrongAtSize() {
        SharedMap<Long, Long> throwing = resolve(ExamplePluginJars.THROWING_MAP).create(100);
        for (long key = 0; key < 50; key++) {
            throwing.put(key, key);
            assertEquals(key, throwing.get(key));
        }
        throwing.put(50L, 50L);
        throwing.put(51L, 51L);
        IllegalStateException overflow = assertThrows(IllegalStateException.class, () -> throwing.get(1L));
        assertTrue(overflow.getMessage().startsWith("index overflow"), overflow.getMessage());

        SharedMap<Long, Long> hanging = resolve(ExamplePluginJars.HANGING_MAP).create(100);
        for (long key = 0; key < 49; key++) {
            hanging.put(key, key);
            assertEquals(key, hanging.get(key), "below 50 entries its get answers");
        }
        SharedMap<Long, Long> corrupting = resolve(ExamplePluginJars.CORRUPTING_MAP).create(100);
        for (long key = 0; key < 100; key++) {
            corrupting.put(key, key);
        }
        assertEquals(100, corrupting.size(), "on one thread even its unlocked writes keep it whole");
        PluginGate.requireBuildable(resolve(ExamplePluginJars.HANGING_MAP));
    }
}
