package eu.eurocities.site.write;

import eu.eurocities.site.diag.Diagnostic;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Writes a build into a staging folder and swaps it in only on {@link #commit}, so a failed or killed build never
 * leaves a half-written site and the previous output stays as it was. {@link OutputPlace} says where the staging
 * folder is (beside the output folder, or inside it when the folder itself cannot be replaced), {@link Swap} how it
 * is swapped in. A file whose bytes equal the previous output's is hard-linked from it instead of written, so it
 * keeps its modification time and sync-based deploys skip it; only when it has the mode and owner a new file gets,
 * so that a build under another umask or user leaves no mixed modes. The output folder gets a marker file,
 * {@value OutputPlace#MARKER}, listing every file the build wrote, by which later builds know the folder and those
 * files are theirs to replace. Dot files and {@code CNAME} at the top of the output folder are never replaced or
 * deleted.
 *
 * <p>One build at a time: the caller holds the folder's {@link OutputLock}.
 */
public final class StagedDiskOutput implements Output, AutoCloseable {
    private final OutputPlace place;
    /**
     * Names the output folder keeps that a site may also publish from {@code static/}: written when the folder has
     * none yet (a fresh CI checkout), else the folder's own is kept.
     */
    private static final Set<String> PUBLISHED_KEPT = Set.of("CNAME", ".nojekyll", ".well-known");

    private final Path previous;
    /** False when there is no previous output: no file is compared, and none fails to be found. */
    private final boolean hasPrevious;

    private final Path staging;
    private final Fresh fresh;
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    private final AtomicInteger changed = new AtomicInteger();
    private final AtomicInteger unchanged = new AtomicInteger();
    private final List<Diagnostic> notes = Collections.synchronizedList(new ArrayList<>());
    /** Writes hold it shared; {@link #close} takes it alone, so it deletes the staging folder after the last write. */
    private final ReadWriteLock gate = new ReentrantReadWriteLock();

    private boolean closed;
    private boolean committed;
    private boolean unsettled;

    /** What a commit did, for the build report. */
    public record Summary(int written, int unchanged, int removed) {}

    /**
     * The permission bits and owner's user id a newly written file gets here (from the umask and the user), or null
     * where unknown. The numeric id, not the owner's name: looking a name up for every file costs more than the check.
     */
    private record Fresh(int mode, int uid) {}

    /** The permission bits of a {@code unix:mode}, without the file type. */
    private static final int PERMISSIONS = 0777;

    /**
     * Finishes or undoes a swap a killed build left (see {@link #recover}), then makes an empty staging folder.
     *
     * @throws OutputFailure when the staging folder cannot be made, or a half-done swap cannot be settled
     */
    public StagedDiskOutput(Path out) throws IOException {
        this.place = OutputPlace.of(out);
        notes.addAll(recover(out));
        this.previous = place.target();
        this.hasPrevious = Files.isDirectory(previous, LinkOption.NOFOLLOW_LINKS);
        int n = 1;
        while (Files.exists(place.staging(n), LinkOption.NOFOLLOW_LINKS)) {
            n++; // a leftover that could not be deleted is left alone
        }
        this.staging = place.staging(n);
        try {
            Files.createDirectories(place.work());
            Files.createDirectory(staging);
        } catch (IOException e) {
            throw new OutputFailure(
                    "cannot write the site into " + place.out() + ": cannot make the folder " + staging + ": "
                            + OutputFailure.reason(e) + free(),
                    "make " + place.work() + " writable, or choose another --out");
        }
        this.fresh = fresh(staging);
    }

    /**
     * Puts the previous output back when a build was killed while it swapped its output in (or finishes moving the
     * new one in, where that had begun in place), so that even a build that then fails leaves a whole site; then
     * deletes staging folders and previous copies that killed builds left. Call it holding the {@link OutputLock}.
     *
     * @param out the output folder
     * @return a warning for each leftover that cannot be deleted (it is left alone, and never in the way)
     * @throws OutputFailure when a half-done swap can be neither finished nor undone
     */
    public static List<Diagnostic> recover(Path out) throws IOException {
        List<Diagnostic> found = new ArrayList<>();
        SwapRecovery.recover(OutputPlace.of(out), found);
        return found;
    }

    /**
     * When a killed build left a swap half done: a warning on the output folder that says where the previous site
     * is; for {@code check}, which changes nothing.
     */
    public static Optional<Diagnostic> interrupted(Path out) throws IOException {
        return SwapRecovery.interrupted(OutputPlace.of(out));
    }

    /**
     * {@inheritDoc}
     *
     * @throws OutputFailure when the file cannot be written (a full disk): the message names the file and the folder
     * @throws IOException also when {@code path} would name a file outside the output folder ({@code ../x}), or one
     *     the output folder keeps as its own ({@code .git/...}, {@code CNAME})
     */
    @Override
    public void write(String path, byte[] bytes) throws IOException {
        put(path, bytes, null);
    }

    /**
     * {@inheritDoc} The bytes go to the staged file as {@code body} writes them; a file equal to the previous build's
     * is then linked to it, as {@link #write(String, byte[])} does.
     *
     * @throws OutputFailure as for {@link #write(String, byte[])}
     */
    @Override
    public void write(String path, Body body) throws IOException {
        put(path, null, body);
    }

    /** Writes {@code bytes}, or when they are null what {@code body} writes. */
    private void put(String path, byte[] bytes, Body body) throws IOException {
        gate.readLock().lock();
        try {
            if (closed) {
                throw new IOException("refused to write " + path + ": the build has stopped");
            }
            Path target = staging.resolve(path);
            if (path.isEmpty() || path.contains("..") || !target.startsWith(staging)) { // the usual path needs no more
                target = target.normalize();
                if (!target.startsWith(staging) || target.equals(staging)) {
                    throw new IOException("refused to write " + path + ": it is not a file inside the output folder");
                }
            }
            if (path.charAt(0) == '.' || path.startsWith("CNAME")) { // the usual path needs no more here either
                String top = staging.relativize(target.normalize()).getName(0).toString();
                if (OutputPlace.isWorkName(top) || OutputPlace.isKept(top) && !PUBLISHED_KEPT.contains(top)) {
                    throw new IOException("refused to write " + path + ": the output folder keeps its own " + top);
                }
                if (OutputPlace.isKept(top) && Files.exists(place.target().resolve(top), LinkOption.NOFOLLOW_LINKS)) {
                    return; // from static/: the output folder keeps the one it has, which the swap moves over
                }
            }
            try {
                Files.createDirectories(target.getParent());
                Path before = previous.resolve(path);
                if (body != null) {
                    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
                        body.writeTo(out);
                    }
                    Path made = target;
                    if (sameFile(before, Files.size(made), () -> Files.mismatch(before, made) == -1L)) {
                        try {
                            Files.delete(target);
                            Files.createLink(target, before);
                            unchanged.incrementAndGet();
                            written.add(path);
                            return;
                        } catch (UnsupportedOperationException | IOException e) {
                            // hard links not possible here (another file system): the same bytes, copied
                            Files.copy(before, target, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                } else {
                    if (sameFile(before, bytes.length, () -> Arrays.equals(Files.readAllBytes(before), bytes))) {
                        try {
                            Files.createLink(target, before);
                            unchanged.incrementAndGet();
                            written.add(path);
                            return;
                        } catch (UnsupportedOperationException | IOException e) {
                            // hard links not possible here (another file system): fall through and write
                        }
                    }
                    Files.write(target, bytes);
                }
            } catch (IOException e) {
                throw new OutputFailure(
                        "cannot write the site into " + place.out() + ": cannot write " + path + " in " + staging + ": "
                                + OutputFailure.reason(e) + free(),
                        (full(e)
                                        ? "free some space on that disk or choose another --out, then build again; "
                                        : "check that " + place.work() + " can be written; ")
                                + "the previous site was left as it was");
            }
            changed.incrementAndGet();
            written.add(path);
        } finally {
            gate.readLock().unlock();
        }
    }

    /**
     * Swaps the staged build in as the output.
     *
     * @return counts of written, unchanged (linked) and removed files
     * @throws OutputFailure when the new output could not be put in place; the previous one is then as it was
     */
    public Summary commit() throws IOException {
        Summary counts = new Summary(changed.get(), unchanged.get(), 0);
        write(OutputPlace.MARKER, manifest()); // linked like any unchanged file, so it keeps its modification time too
        written.remove(OutputPlace.MARKER);
        int removed;
        try {
            removed = place.inPlace()
                    ? Swap.inPlace(place, staging, written, notes)
                    : Swap.beside(place, staging, written, notes);
        } catch (Swap.Unsettled e) {
            unsettled = true; // the staging folder may hold what the output keeps; the next build settles it
            throw e;
        }
        committed = true;
        return new Summary(counts.written(), counts.unchanged(), removed);
    }

    /**
     * Warnings about the output folder that do not stop a build: previous copies left that cannot be deleted (each
     * names its path).
     */
    public List<Diagnostic> notes() {
        synchronized (notes) {
            return List.copyOf(notes);
        }
    }

    /**
     * Waits for writes under way, then deletes the staging folder unless the build was committed; the previous
     * output is left as it was. What cannot be deleted is left for the next build.
     */
    @Override
    public void close() {
        gate.writeLock().lock();
        try {
            closed = true;
        } finally {
            gate.writeLock().unlock();
        }
        if (!committed && !unsettled) {
            Trees.delete(staging);
        }
    }

    private byte[] manifest() {
        StringBuilder b = new StringBuilder(MANIFEST_HEADER);
        written.stream().sorted().forEachOrdered(p -> b.append(p).append('\n'));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The files a previous build wrote into {@code out}, from its marker; empty when there is no marker, and null when
     * the marker predates the list (so every file counts as the tool's).
     */
    static Set<String> previousFiles(Path out) throws IOException {
        Path marker = out.resolve(OutputPlace.MARKER);
        if (!Files.isRegularFile(marker)) {
            return Set.of();
        }
        String text = Files.readString(marker, StandardCharsets.UTF_8);
        if (!text.startsWith(MANIFEST_HEADER)) {
            return null;
        }
        return new HashSet<>(text.substring(MANIFEST_HEADER.length())
                .lines()
                .filter(l -> !l.isBlank())
                .toList());
    }

    private static final String MANIFEST_HEADER = "# files written by eurocities-site; do not edit\n";

    /**
     * True when {@code before} is a regular file (not a link) with exactly {@code bytes} and the mode and owner a new
     * file would get, so that linking it gives what writing would.
     */
    private boolean sameFile(Path before, long size, Same same) {
        if (!hasPrevious) {
            return false;
        }
        try {
            if (fresh != null) {
                Map<String, Object> a =
                        Files.readAttributes(before, "unix:mode,uid,size,isRegularFile", LinkOption.NOFOLLOW_LINKS);
                if (((int) a.get("mode") & PERMISSIONS) != fresh.mode() || (int) a.get("uid") != fresh.uid()) {
                    return false;
                }
                return (boolean) a.get("isRegularFile") && (long) a.get("size") == size && same.test();
            }
            BasicFileAttributes a = Files.readAttributes(before, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isRegularFile() && a.size() == size && same.test();
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether a file of the previous build has the new file's bytes. */
    private interface Same {
        boolean test() throws IOException;
    }

    /** The mode and owner of a file made in {@code dir} now; null on a file system without Unix attributes. */
    private static Fresh fresh(Path dir) throws IOException {
        Path probe = dir.resolve(OutputPlace.MARKER + ".probe");
        try {
            Files.write(probe, new byte[0]);
            Map<String, Object> a = Files.readAttributes(probe, "unix:mode,uid");
            return new Fresh((int) a.get("mode") & PERMISSIONS, (int) a.get("uid"));
        } catch (UnsupportedOperationException e) {
            return null;
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    /** True when {@code e} came from a full disk, by its reason or by the space left where the site is staged. */
    private boolean full(IOException e) {
        String reason = OutputFailure.reason(e);
        return reason.contains("no space left") || usable() < MIN_FREE;
    }

    /** {@code " (12 kB free on that disk)"} when the disk is (nearly) full, else nothing. */
    private String free() {
        long usable = usable();
        return usable < MIN_FREE ? " (" + usable + " bytes free on that disk)" : "";
    }

    private static final long MIN_FREE = 1 << 20;

    private long usable() {
        try {
            return Files.getFileStore(place.work()).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }
}
