package dev.mapbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code bench.stateCheck=false} gives every fork the argument that leaves its tear-down check out; nothing else does. */
class StateCheckSwitchTest {

    private static final Path FILE = Path.of("/tmp/state.json");

    @AfterEach
    void clear() {
        System.clearProperty("bench.stateCheck");
    }

    @Test
    void forksCheckTheirMapUnlessTheRunSaysOtherwise() {
        assertEquals(List.of("-Dmapbench.stateCheck=/tmp/state.json"), StateCheckFile.jvmArgs(FILE));
        System.setProperty("bench.stateCheck", "true");
        assertEquals(List.of("-Dmapbench.stateCheck=/tmp/state.json"), StateCheckFile.jvmArgs(FILE));
        System.setProperty("bench.stateCheck", "${bench.stateCheck}"); // what mvn passes when it is not given
        assertEquals(1, StateCheckFile.jvmArgs(FILE).size());
    }

    @Test
    void falseLeavesTheCheckOutInEveryFork() {
        System.setProperty("bench.stateCheck", "false");
        assertEquals(List.of("-Dmapbench.stateCheck=/tmp/state.json", "-Dmapbench.skipStateCheck=true"),
                StateCheckFile.jvmArgs(FILE));
    }
}
