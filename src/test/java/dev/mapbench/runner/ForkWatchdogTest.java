package dev.mapbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ForkWatchdogTest {

    @Test
    void theLimitIsThreeTimesThePlanWithSixtySecondsBeyondItAtLeast() {
        ForkWatchdog watchdog = ForkWatchdog.planned();
        assertEquals(Duration.ofSeconds(61), watchdog.limit(1.0), "a smoke fork: the 60 s floor");
        assertEquals(Duration.ofSeconds(90), watchdog.limit(30.0), "30 s planned: 3 x");
        // smoke timing: 0.6 s start + 1 x 100 ms + 3 x 100 ms + 4 x 30 ms = 1.12 s planned
        assertEquals(Duration.ofMillis(61_120), watchdog.limit(new CellTiming(5, 1, 100, 3, 100), 1));
    }

    @Test
    void aGivenTimeoutReplacesTheRuleAndABadOneIsOneLine() {
        Properties properties = new Properties();
        properties.setProperty("bench.forkTimeout", "90s");
        assertEquals(Duration.ofSeconds(90), ForkWatchdog.from(properties).limit(500));
        properties.setProperty("bench.forkTimeout", "auto");
        assertEquals(Duration.ofSeconds(61), ForkWatchdog.from(properties).limit(1));
        properties.setProperty("bench.forkTimeout", "soon");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> ForkWatchdog.from(properties));
        assertEquals("bench.forkTimeout: 'soon' is not a time limit such as 90s, 5m or auto", bad.getMessage());
    }

    /** JMH forks the benchmark JVM itself: the watch must end what this JVM started, grandchildren included. */
    @Test
    void aWatchPastItsLimitEndsTheChildAndItsChildren() throws Exception {
        try (ForkWatchdog.Watch watch = ForkWatchdog.Watch.start(Duration.ofMillis(700))) {
            Process shell = new ProcessBuilder("sh", "-c", "sleep 300 & sleep 300; wait").start();
            Thread.sleep(200);
            List<ProcessHandle> tree = shell.toHandle().descendants().toList();
            assertFalse(tree.isEmpty(), "the shell started its sleeps");
            assertTrue(shell.waitFor(20, TimeUnit.SECONDS), "the watch ended the shell");
            assertTrue(watch.fired());
            for (ProcessHandle grandchild : tree) {
                grandchild.onExit().get(10, TimeUnit.SECONDS);
                assertFalse(grandchild.isAlive(), "grandchild " + grandchild.pid() + " ended too");
            }
        }
    }

    @Test
    void aWatchClosedInTimeEndsNothing() throws Exception {
        Process shell;
        try (ForkWatchdog.Watch watch = ForkWatchdog.Watch.start(Duration.ofMillis(300))) {
            shell = new ProcessBuilder("sleep", "2").start();
            watch.close();
            Thread.sleep(600);
            assertFalse(watch.fired());
        }
        assertTrue(shell.isAlive(), "closed before its limit, the watch left the process alone");
        shell.destroyForcibly().waitFor();
    }
}
