package dev.mapbench.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.distribution.ZipfDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class ZipfFitTest {

    private static long[] zipfCounts(int keys, double exponent, int samples) {
        ZipfDistribution zipf = new ZipfDistribution(new Well19937c(7), keys, exponent);
        long[] counts = new long[keys];
        for (int i = 0; i < samples; i++) {
            counts[zipf.sample() - 1]++;
        }
        return counts;
    }

    @Test
    void fitRecoversTheExponentOfZipfKeys() {
        ZipfFit fit = ZipfFit.of(zipfCounts(10_000, 0.99, 200_000));
        assertEquals(0.99, fit.exponent(), 0.06, fit.toString());
        assertTrue(fit.rSquared() > 0.95, fit.toString());
        ZipfFit steep = ZipfFit.of(zipfCounts(1_000, 1.3, 200_000));
        assertEquals(1.3, steep.exponent(), 0.08, steep.toString());
    }

    @Test
    void uniformKeysFitAnExponentNearZero() {
        Random random = new Random(3);
        long[] counts = new long[1_000];
        for (int i = 0; i < 100_000; i++) {
            counts[random.nextInt(counts.length)]++;
        }
        ZipfFit fit = ZipfFit.of(counts);
        assertTrue(fit.exponent() < 0.15, fit.toString());
    }

    @Test
    void oneKeyHasNoSkewToFit() {
        assertEquals(new ZipfFit(0, 0, 1), ZipfFit.of(new long[] {5, 0}));
    }
}
