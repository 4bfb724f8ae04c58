package dev.mapbench.report.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mapbench.stats.MedianInterval;
import org.junit.jupiter.api.Test;

/** The named number formats every report format prints with. */
class NumbersTest {

    @Test
    void measuredValuesKeepAboutFourSignificantDigitsWithThousandsSeparators() {
        assertEquals("1,235", Numbers.number(1234.5));
        assertEquals("123.5", Numbers.number(123.45));
        assertEquals("12.35", Numbers.number(12.345));
        assertEquals("1.235", Numbers.number(1.2345));
        assertEquals("0.123", Numbers.number(0.12345));
        assertEquals("0.0012", Numbers.number(0.0012));
        assertEquals("0", Numbers.number(0));
        assertEquals("1.235e+12", Numbers.number(1.2345e12));
    }

    @Test
    void nothingToSpeakOfAndNonFiniteValuesAreSpelledOut() {
        assertEquals("< 0.001", Numbers.number(0.0004));
        assertEquals("> −0.001", Numbers.number(-0.0004));
        assertEquals("NaN", Numbers.number(Double.NaN));
        assertEquals("+∞", Numbers.number(Double.POSITIVE_INFINITY));
        assertEquals("< 0.001", Numbers.measured(0.0002, 0.0001), "the whole interval is nothing");
        assertEquals("12.35 ± 0.410", Numbers.measured(12.345, 0.41));
        assertEquals("12.35", Numbers.measured(12.345, Double.NaN), "an unknown error is left out");
    }

    @Test
    void aMedianPrintsWithItsIntervalAndMarksLowCoverage() {
        assertEquals("2.000 [1.000, 3.000]*", Numbers.median(MedianInterval.of(new double[] {1, 2, 3})));
        assertEquals("5.000 (1 fork)", Numbers.median(MedianInterval.of(new double[] {5})));
        assertEquals("1,235 [1,190, 1,280]*", Numbers.median(MedianInterval.of(new double[] {1190, 1235, 1280})),
                "a comparison prints its medians as the report prints any measured value");
    }

    @Test
    void heatmapCellsAndSentencesUseFewerDigits() {
        assertEquals("1,234", Numbers.compact(1234.4));
        assertEquals("45.3", Numbers.compact(45.34));
        assertEquals("2.12", Numbers.compact(2.123));
        assertEquals("0.337", Numbers.compact(0.3371));
        assertEquals("4,800", Numbers.twoDigits(4812));
        assertEquals("0.0021", Numbers.twoDigits(0.00213));
        assertEquals("0.31×", Numbers.shortRatio(0.3123));
    }

    @Test
    void ratiosPercentsAndProbabilities() {
        assertEquals("0.970×", Numbers.ratio(0.97));
        assertEquals("0.00123×", Numbers.ratio(0.001234));
        assertEquals("?", Numbers.ratio(Double.NaN));
        assertEquals("0.987", Numbers.speedRatio(0.98712));
        assertEquals("+12.3 %", Numbers.signedPercent(12.34));
        assertEquals("n/a", Numbers.signedPercent(Double.NaN));
        assertEquals("0.018 %", Numbers.share(100.0 * 142 / 794_623));
        assertEquals("99.982 %", Numbers.share(100 - 100.0 * 142 / 794_623));
        assertEquals("0.031", Numbers.probability(0.0312));
        assertEquals("2.0e-05", Numbers.probability(0.00002));
        assertEquals("-", Numbers.probability(Double.NaN));
    }

    @Test
    void settingsCountsDurationsAndAxisTicks() {
        assertEquals("10", Numbers.plain(10));
        assertEquals("2.5", Numbers.plain(2.5));
        assertEquals("1,234,567", Numbers.whole(1_234_567L));
        assertEquals("9,998", Numbers.whole(9997.6));
        assertEquals("52.3", Numbers.oneDecimal(52.34));
        assertEquals("3.25 s", Numbers.seconds(3.254));
        assertEquals("3 min 05 s", Numbers.duration(185));
        assertEquals("1 h 02 min", Numbers.duration(3720));
        assertEquals("1,000", Numbers.axisTick(1000));
        assertEquals("0.001", Numbers.axisTick(0.001));
        assertEquals("1e9", Numbers.axisTick(1e9));
    }
}
