package dev.mapbench.runner;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * JMH's machine-wide lock ({@code /tmp/jmh.lock}), held for a whole run, A/B or curve measurement: no other
 * JMH run on this machine measures between two of its forks, and each fork is told with
 * {@code -Djmh.ignoreLock=true} that the lock is ours. If another run holds it, we wait and say so.
 */
public final class JmhLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private JmhLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, waiting (and saying so, prefixed by {@code who}) while another JMH run holds it. */
    public static JmhLock acquire(String who, PrintStream console) throws IOException {
        Path lockFile = Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                console.printf("%swaiting for %s: another JMH run is measuring on this machine%n", who, lockFile);
                long start = System.nanoTime();
                lock = channel.lock();
                console.printf("%sgot %s after %d s%n", who, lockFile, (System.nanoTime() - start) / 1_000_000_000L);
            }
            return new JmhLock(channel, lock);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Tells this JVM's JMH runs that the machine-wide lock is held by us. */
    public static void tellJmhItIsOurs() {
        System.setProperty("jmh.ignoreLock", "true");
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
