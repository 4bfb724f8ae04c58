package dev.mapbench.runner;

import dev.mapbench.results.EnvJson;
import dev.mapbench.stats.VerdictSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a run spends its forks, read from {@code bench.*} properties.
 *
 * <ul>
 *   <li>{@code bench.design=race|fixed}: racing (the default effort's default) runs one fork of every cell,
 *       then rounds of forks only where a workload's verdict is still open; fixed (smoke and full) runs the
 *       same number of forks of every cell. Both interleave the forks of all cells in randomized order.</li>
 *   <li>{@code bench.budget=15m}: wall time for the whole command (Maven's start to the report's end when
 *       run by {@code mvn verify -Pbench}, which passes its start as {@code bench.startedAt}); {@code none}
 *       for no limit. Racing's default is 15 minutes; the fixed design has none unless given.</li>
 *   <li>{@code bench.margin=10}: the equivalence margin of the verdicts, in percent.</li>
 *   <li>{@code bench.maxForks=24}: racing gives no cell more forks than this.</li>
 *   <li>{@code bench.seed}: seed of the randomized fork order (default: from the run id), recorded.</li>
 * </ul>
 *
 * @param racing whether the run races (else: the fixed design)
 * @param budget the wall-time budget, or null for none
 * @param startedAt when the budget's clock started (the command's start)
 * @param verdicts the verdict settings (margin) racing decides with
 * @param maxForks most forks racing gives one cell
 * @param seed seed of the randomized fork order
 */
record RaceSettings(boolean racing, Duration budget, Instant startedAt, VerdictSettings verdicts, int maxForks,
        long seed) {

    /** Racing's budget when none is given: the whole {@code mvn verify -Pbench} in 15 minutes on 2 cores. */
    static final Duration DEFAULT_BUDGET = Duration.ofMinutes(15);
    /** Racing's cap on forks per cell. */
    static final int DEFAULT_MAX_FORKS = 24;

    private static final Pattern DURATION = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s?)?");
    private static final DateTimeFormatter MAVEN_TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    static RaceSettings from(Properties properties, Effort effort, String runId, Instant now) {
        boolean racing = BenchProperty.DESIGN.get(properties, effort).equals("race");
        Duration budget = BenchProperty.BUDGET.given(properties) ? BenchProperty.BUDGET.get(properties)
                : racing ? DEFAULT_BUDGET : Duration.ZERO;
        VerdictSettings verdicts = VerdictSettings.defaults();
        if (BenchProperty.MARGIN.given(properties)) {
            verdicts = verdicts.withMargin(BenchProperty.MARGIN.get(properties) / 100);
        }
        Long seed = BenchProperty.SEED.get(properties);
        Instant started = BenchProperty.STARTED_AT.given(properties) ? BenchProperty.STARTED_AT.get(properties) : now;
        return new RaceSettings(racing, budget.isZero() ? null : budget, started.isAfter(now) ? now : started,
                verdicts, BenchProperty.MAX_FORKS.get(properties, effort), seed == null ? runId.hashCode() : seed);
    }

    /** {@code 15m}, {@code 900s}, {@code 900}, {@code 1h30m}; {@code none} or {@code 0} for no limit (zero). */
    static Duration parseBudget(String text) {
        if (text.equalsIgnoreCase("none") || text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher matcher = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (text.isBlank() || !matcher.matches() || (matcher.group(1) == null && matcher.group(2) == null
                && matcher.group(3) == null)) {
            throw new IllegalArgumentException("'" + text + "' is not a duration such as 15m, 900s, 1h30m or none");
        }
        return Duration.ofHours(group(matcher, 1)).plusMinutes(group(matcher, 2)).plusSeconds(group(matcher, 3));
    }

    /**
     * When the budget's clock started: Maven passes {@code ${maven.build.timestamp}} (UTC,
     * {@code yyyyMMdd-HHmmss}) so compilation counts; an ISO instant works too. A start in the future (clocks
     * disagree) is refused in favour of now by the readers.
     */
    static Instant parseStart(String text) {
        try {
            return text.contains("T") ? Instant.parse(text)
                    : LocalDateTime.parse(text, MAVEN_TIMESTAMP).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is neither yyyyMMdd-HHmmss (UTC) nor an ISO instant");
        }
    }

    /** The properties with the race settings of the run being resumed ({@code recorded}, may be null), where not given again. */
    static Properties withRecorded(Properties given, EnvJson.Race recorded) {
        Properties effective = new Properties();
        effective.putAll(given);
        if (recorded != null) {
            recordIfAbsent(effective, BenchProperty.DESIGN, recorded.design());
            // a recorded race always records its budget: null is "none"
            recordIfAbsent(effective, BenchProperty.BUDGET, recorded.budgetSeconds() == null ? "none"
                    : recorded.budgetSeconds() + "s");
            recordIfAbsent(effective, BenchProperty.MARGIN, recorded.equivalenceMarginPercent());
            recordIfAbsent(effective, BenchProperty.MAX_FORKS, recorded.maxForks());
            recordIfAbsent(effective, BenchProperty.SEED, recorded.seed());
        }
        effective.remove(BenchProperty.STARTED_AT.key()); // a resumed run gets its budget from the moment it resumes
        return effective;
    }

    /** The design's name as written in env.json. */
    String design() {
        return racing ? "race" : "fixed";
    }

    private static long group(Matcher matcher, int group) {
        return matcher.group(group) == null ? 0 : Long.parseLong(matcher.group(group));
    }

    private static void recordIfAbsent(Properties properties, BenchProperty<?> property, Object recorded) {
        if (!property.given(properties) && recorded != null) {
            properties.setProperty(property.key(), recorded.toString());
        }
    }
}
