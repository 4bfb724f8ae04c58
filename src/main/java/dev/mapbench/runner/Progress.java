package dev.mapbench.runner;

import java.util.Locale;

/** The runner's progress lines: which fork, which round, time spent, budget left, verdicts still open. */
final class Progress {

    private Progress() {
    }

    /**
     * The line printed before a fork starts, e.g.
     * {@code [round 3 fork 12/40 | elapsed 0:06:10 | budget 0:07:02 left | 14 open] COPY_ON_WRITE read=95% ... (fork 3)}.
     *
     * @param budgetLeft seconds, or -1 without a budget
     * @param open open raced workloads, or -1 when not racing yet
     */
    static String forkLine(int round, int ordinal, int ofRound, double elapsedSeconds, long budgetLeft, long open,
            Cell cell, int fork, int cores) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "[round %d fork %d/%d | elapsed %s", round,
                ordinal, ofRound, clock(Math.round(elapsedSeconds))));
        if (budgetLeft >= 0) {
            line.append(" | budget ").append(clock(budgetLeft)).append(" left");
        }
        if (open >= 0) {
            line.append(" | ").append(open).append(" open");
        }
        return line.append("] ").append(cell.describe(cores)).append(" (fork ").append(fork).append(')').toString();
    }

    static String clock(long seconds) {
        if (seconds < 0) {
            return "no limit";
        }
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
    }
}
