package dev.mapbench.ab;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * JMH's machine-wide lock ({@code /tmp/jmh.lock}), held for a whole A/B the way the runner holds it for
 * a whole matrix: no other JMH run on this machine measures between two of its forks, and each fork is
 * told with {@code -Djmh.ignoreLock=true} that the lock is ours. If another run holds it, we wait.
 */
final class JmhLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private JmhLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, waiting (and saying so) while another JMH run holds it. */
    static JmhLock acquire(PrintStream console) throws IOException {
        Path lockFile = Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                console.printf("ab: waiting for %s: another JMH run is measuring on this machine%n", lockFile);
                long start = System.nanoTime();
                lock = channel.lock();
                console.printf("ab: got %s after %d s%n", lockFile, (System.nanoTime() - start) / 1_000_000_000L);
            }
            return new JmhLock(channel, lock);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
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
