package dev.mapbench.trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.distribution.ZipfDistribution;
import org.apache.commons.math3.random.Well19937c;

/**
 * Writes a Twitter cache-trace CSV of its own (no download): seven columns, seconds, Zipf keys, a few clients.
 * Operations are drawn by weight from {@code get 70, gets 5, set 15, add 2, cas 1, delete 4, incr 2, decr 1}.
 */
public final class TwitterCsv {

    static final String[] OPERATIONS = {"get", "gets", "set", "add", "cas", "delete", "incr", "decr"};
    static final int[] WEIGHTS = {70, 5, 15, 2, 1, 4, 2, 1};

    private TwitterCsv() {
    }

    /** {@code lines} requests over {@code keys} Zipf({@code exponent}) keys from {@code clients} clients. */
    static List<String> lines(int lines, int keys, double exponent, int clients, long seed) {
        Random random = new Random(seed);
        ZipfDistribution zipf = new ZipfDistribution(new Well19937c(seed), keys, exponent);
        List<String> out = new ArrayList<>();
        long timestamp = 1_600_000_000L;
        for (int i = 0; i < lines; i++) {
            timestamp += random.nextInt(100) == 0 ? 1 : 0;
            int pick = random.nextInt(100);
            int op = 0;
            for (int sum = WEIGHTS[0]; pick >= sum; sum += WEIGHTS[++op]) {
                // find the operation whose cumulative weight covers pick
            }
            int key = zipf.sample();
            out.add(timestamp + ",key" + Integer.toHexString(key * 7919) + ",18,"
                    + (OPERATIONS[op].startsWith("get") || OPERATIONS[op].equals("delete") ? 0 : 100 + key % 400) + ","
                    + (1 + random.nextInt(clients)) + "," + OPERATIONS[op] + ",0");
        }
        return out;
    }

    /** {@code TwitterCsv <out.csv> <lines> <keys> <exponent> <clients>}: writes one, for an end-to-end replay. */
    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]), Double.parseDouble(args[3]),
                Integer.parseInt(args[4]), 1);
    }

    static Path write(Path file, int lines, int keys, double exponent, int clients, long seed) throws IOException {
        Files.write(file, lines(lines, keys, exponent, clients, seed));
        return file;
    }
}
