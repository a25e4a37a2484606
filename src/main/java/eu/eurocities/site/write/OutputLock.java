package eu.eurocities.site.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lock one build holds on its output folder from before it looks at the folder until its output is swapped in,
 * so that two builds into one folder never mix their files. It is an operating-system lock on a lock file beside the
 * folder ({@code .site.lock}, see {@link OutputPlace#lockFile}), so the system releases it when its process ends,
 * however it ends; a lock file left by a process that is gone is taken over. The file names the holder's process and
 * when it started, for the message the other build gives. It is deleted when the lock is released.
 */
public final class OutputLock implements AutoCloseable {
    /**
     * The lock files this process holds. An operating-system file lock belongs to the process, and closing any other
     * channel to the file would release it, so a second build in this process must learn of the first from here
     * instead of opening the file.
     */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private static final int ATTEMPTS = 20;

    private final Path file;
    private final FileChannel channel;

    /** The process that holds a lock, as its lock file names it. */
    record Holder(long pid, Instant started) {
        /** {@code process 1234, started 2025-06-01T10:00:00Z}. */
        @Override
        public String toString() {
            return "process " + pid + ", started " + started;
        }
    }

    /** Another build holds the lock: the message names it; nothing was changed. */
    static final class Held extends OutputFailure {
        Held(Path out, Optional<Holder> holder, boolean thisProcess) {
            super(
                    "another build " + (thisProcess ? "in this process " : "")
                            + holder.map(h -> "(" + h + ") ").orElse("") + "is writing into " + out,
                    "wait until it has finished, then build again; nothing was changed");
        }
    }

    private OutputLock(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /**
     * Takes the lock of the output folder {@code out} at once, creating the folders above it as needed.
     *
     * @throws Held when another build holds it
     * @throws IOException when the lock file cannot be made
     */
    public static OutputLock take(Path out) throws IOException {
        OutputPlace place = OutputPlace.of(out);
        Files.createDirectories(place.target().getParent());
        Path file = place.lockFile();
        if (!HELD_HERE.add(file)) {
            throw new Held(place.out(), Optional.empty(), true);
        }
        try {
            for (int i = 0; i < ATTEMPTS; i++) {
                Optional<OutputLock> lock = tryTake(place, file);
                if (lock.isPresent()) {
                    return lock.get();
                }
            }
            throw new OutputFailure(
                    "cannot lock the output folder " + place.out() + ": its lock file " + file
                            + " keeps being replaced",
                    "make sure no other program deletes " + file + ", then build again");
        } catch (IOException | RuntimeException e) {
            HELD_HERE.remove(file);
            throw e;
        }
    }

    /**
     * One attempt: locks the file at {@code file}; empty when the file locked was released meanwhile (its holder marks
     * it released and deletes it before it lets go), so the caller tries again with the file now there.
     */
    private static Optional<OutputLock> tryTake(OutputPlace place, Path file) throws IOException {
        Object before = key(file);
        FileChannel channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        boolean kept = false;
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                throw new Held(place.out(), Optional.empty(), true);
            }
            if (lock == null) {
                throw new Held(place.out(), holder(read(channel)), false);
            }
            // released and deleted by its holder after this channel was opened, unless it is still the file at the
            // path:
            // then its holder died between marking and deleting it, and it is taken over like any lock of a dead
            // process
            if (read(channel).startsWith(RELEASED) && (before == null || !before.equals(key(file)))) {
                return Optional.empty();
            }
            write(channel, OWNER);
            kept = true;
            return Optional.of(new OutputLock(file, channel));
        } finally {
            if (!kept) {
                channel.close();
            }
        }
    }

    /** What the lock file says while this process holds it: worked out once, so it is written at once. */
    private static final String OWNER = "pid: " + ProcessHandle.current().pid() + "\nstarted: "
            + ProcessHandle.current()
                    .info()
                    .startInstant()
                    .orElse(Instant.now())
                    .truncatedTo(ChronoUnit.SECONDS) + "\n";

    /** What a lock file says once its holder has let go of it. */
    private static final String RELEASED = "released";

    /** The file's identity (device and inode), or null when there is no file. */
    private static Object key(Path file) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return Objects.requireNonNullElse(a.fileKey(), a.creationTime());
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** The text of the lock file, read through {@code channel}: opening another channel to it would drop the lock. */
    private static String read(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(256);
            while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
                // read up to the buffer's size
            }
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Writes over what is there, then cuts what is left, so a reader never finds the file empty. */
    private static void write(FileChannel channel, String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes, bytes.position());
        }
        channel.truncate(bytes.limit());
    }

    /** The holder a lock file's text names; empty while it is being written, or once it is released. */
    private static Optional<Holder> holder(String text) {
        long pid = -1;
        Instant started = null;
        try {
            for (String line : text.lines().toList()) {
                if (line.startsWith("pid: ")) {
                    pid = Long.parseLong(line.substring(5).trim());
                } else if (line.startsWith("started: ")) {
                    started = Instant.parse(line.substring(9).trim());
                }
            }
        } catch (RuntimeException e) {
            return Optional.empty(); // a damaged lock file: the message names no process
        }
        return pid > 0 && started != null ? Optional.of(new Holder(pid, started)) : Optional.empty();
    }

    /**
     * Marks the lock file released and deletes it, then lets go of the lock, so that a build that opened the file
     * meanwhile sees it was released and tries the next one.
     */
    @Override
    public void close() throws IOException {
        try {
            write(channel, RELEASED + "\n");
            Files.deleteIfExists(file);
        } finally {
            channel.close();
            HELD_HERE.remove(file);
        }
    }
}
