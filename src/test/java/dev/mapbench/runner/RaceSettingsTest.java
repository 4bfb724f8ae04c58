package dev.mapbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RaceSettingsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static RaceSettings settings(Effort effort, String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return RaceSettings.from(properties, effort, "run-1", NOW);
    }

    @Test
    void theDefaultEffortRacesForFifteenMinutesSmokeAndFullRunAFixedDesign() {
        RaceSettings racing = settings(Effort.DEFAULT);
        assertTrue(racing.racing());
        assertEquals(Duration.ofMinutes(15), racing.budget());
        assertEquals(0.10, racing.verdicts().margin(), 1e-12);
        assertFalse(settings(Effort.SMOKE).racing());
        assertNull(settings(Effort.FULL).budget());
        assertTrue(settings(Effort.FULL, "bench.design", "race").racing());
    }

    @Test
    void budgetsReadAsDurations() {
        assertEquals(Duration.ofMinutes(15), RaceSettings.parseBudget("15m"));
        assertEquals(Duration.ofSeconds(900), RaceSettings.parseBudget("900s"));
        assertEquals(Duration.ofSeconds(900), RaceSettings.parseBudget("900"));
        assertEquals(Duration.ofMinutes(90), RaceSettings.parseBudget("1h30m"));
        assertEquals(Duration.ZERO, RaceSettings.parseBudget("none"), "none: no limit");
        for (String bad : new String[] {"fifteen", "15 minutes", "m", "-5m"}) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> BenchProperty.BUDGET.parse(bad));
            assertEquals("bench.budget: '" + bad + "' is not a duration such as 15m, 900s, 1h30m or none",
                    error.getMessage());
        }
    }

    @Test
    void theBudgetClockStartsWhenMavenStarted() {
        assertEquals(Instant.parse("2026-12-01T09:58:30Z"),
                settings(Effort.DEFAULT, "bench.startedAt", "20261201-095830").startedAt());
        assertEquals(NOW, settings(Effort.DEFAULT, "bench.startedAt", "20261201-113000").startedAt(),
                "a start in the future is not believed");
        assertEquals(NOW, settings(Effort.DEFAULT).startedAt());
        assertThrows(IllegalArgumentException.class, () -> settings(Effort.DEFAULT, "bench.startedAt", "yesterday"));
    }

    @Test
    void badSettingsAreOneClearError() {
        assertEquals("bench.design: 'adaptive' is not race or fixed", assertThrows(IllegalArgumentException.class,
                () -> settings(Effort.DEFAULT, "bench.design", "adaptive")).getMessage());
        assertEquals("bench.margin: '0' is not a percentage in (0, 100)", assertThrows(IllegalArgumentException.class,
                () -> settings(Effort.DEFAULT, "bench.margin", "0")).getMessage());
        assertEquals("bench.maxForks: '0' is not a whole number >= 1", assertThrows(IllegalArgumentException.class,
                () -> settings(Effort.DEFAULT, "bench.maxForks", "0")).getMessage());
    }
}
