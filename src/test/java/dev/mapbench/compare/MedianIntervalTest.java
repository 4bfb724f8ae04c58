package dev.mapbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mapbench.report.model.MetricDirection;
import dev.mapbench.report.model.Numbers;
import dev.mapbench.stats.MedianInterval;
import org.junit.jupiter.api.Test;

/** The order-statistic confidence interval of the median. */
class MedianIntervalTest {

    @Test
    void sixForksGiveMinToMaxAt97Percent() {
        MedianInterval interval = MedianInterval.of(new double[] {5, 1, 3, 2, 6, 4});
        assertEquals(3.5, interval.median());
        assertEquals(1, interval.low());
        assertEquals(6, interval.high());
        assertEquals(1 - 2.0 / 64, interval.coverage(), 1e-12);
    }

    @Test
    void tenForksDropOneValueAtEachEnd() {
        MedianInterval interval = MedianInterval.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        assertEquals(2, interval.low());
        assertEquals(9, interval.high());
        assertEquals(1 - 2.0 * 11 / 1024, interval.coverage(), 1e-12);
    }

    @Test
    void fewForksReportTheirLowerAchievedCoverage() {
        MedianInterval interval = MedianInterval.of(new double[] {3, 1, 2});
        assertEquals(2, interval.median());
        assertEquals(0.75, interval.coverage(), 1e-12);
        assertEquals("2.000 [1.000, 3.000]*", Numbers.median(interval));
    }

    @Test
    void unitsDecideTheDirection() {
        assertEquals(MetricDirection.HIGHER_IS_BETTER, MetricDirection.fromUnit("ops/us"));
        assertEquals(MetricDirection.HIGHER_IS_BETTER, MetricDirection.fromUnit("ops/s"));
        assertEquals(MetricDirection.LOWER_IS_BETTER, MetricDirection.fromUnit("ns/op"));
        assertEquals(MetricDirection.LOWER_IS_BETTER, MetricDirection.fromUnit("ms/op"));
        assertEquals(MetricDirection.BYTES_PER_OP, MetricDirection.fromUnit("B/op"));
        assertEquals(MetricDirection.UNKNOWN, MetricDirection.fromUnit("MB/sec"));
        assertEquals(10.0, MetricDirection.HIGHER_IS_BETTER.worseningPercent(100, 90), 1e-9);
        assertEquals(-10.0, MetricDirection.LOWER_IS_BETTER.worseningPercent(100, 90), 1e-9);
    }
}
