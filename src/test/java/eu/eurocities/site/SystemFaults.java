package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Real faults of the file system for tests of the output folder, made with the system's own tools: {@code chattr +i}
 * (a file even root cannot delete or rename), {@code mount -t tmpfs} (a mount point, a full disk) and
 * {@code setpriv} (a build as the unprivileged user {@code nobody}, for whom {@code chmod 555} and another user's
 * folder mean what they mean). A test that needs one of them is skipped, saying why, where the system does not
 * allow it (not root, no such tool).
 */
final class SystemFaults {
    private SystemFaults() {}

    /** The user and group id of {@code nobody}. */
    static final String NOBODY = "65534";

    /** What a command printed and returned. */
    record Result(int code, String output) {}

    /** Runs a command, waiting at most 60 seconds. */
    static Result run(List<String> command, Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + command);
        }
        return new Result(p.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    static Result run(String... command) throws IOException, InterruptedException {
        return run(List.of(command), Path.of("."));
    }

    /** Skips the test unless {@code chattr +i} works on a file in {@code dir}. */
    static void assumeChattr(Path dir) throws Exception {
        Path probe = Files.writeString(dir.resolve("chattr-probe"), "");
        boolean works;
        try {
            works = run("chattr", "+i", probe.toString()).code() == 0;
        } catch (IOException e) {
            works = false;
        }
        if (works) {
            immutable(probe, false);
        }
        Files.delete(probe);
        assumeTrue(works, "chattr +i does not work here (needs root and a file system with attributes)");
    }

    /** Sets or clears the immutable attribute of {@code p}. */
    static void immutable(Path p, boolean on) throws Exception {
        Result r = run("chattr", on ? "+i" : "-i", p.toString());
        assertEquals(0, r.code(), r.output());
    }

    /** A tmpfs mounted at {@code at} for as long as it is open; skips the test where mounting is not allowed. */
    static AutoCloseable tmpfs(Path at, String size) throws Exception {
        Files.createDirectories(at);
        Result r;
        try {
            r = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", at.toString());
        } catch (IOException e) {
            r = new Result(-1, e.getMessage());
        }
        assumeTrue(r.code() == 0, "cannot mount a tmpfs here (needs root): " + r.output());
        return () -> {
            if (run("umount", at.toString()).code() != 0) {
                run("umount", "-l", at.toString());
            }
        };
    }

    /** Skips the test unless this process is root and {@code setpriv} can run a command as {@code nobody}. */
    static void assumeNobody() throws Exception {
        Result r;
        try {
            r = run("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "id", "-u");
        } catch (IOException e) {
            r = new Result(-1, e.getMessage());
        }
        assumeTrue(
                r.code() == 0 && r.output().trim().equals(NOBODY),
                "cannot run a command as nobody here (needs root and setpriv): " + r.output());
    }

    /**
     * The test's class path, hard-linked (or copied) into {@code dir} so that {@code nobody} can read it: the real one
     * lies in root's home. Only files every user may read are linked; the others are copied.
     */
    static String readableClassPath(Path dir) throws IOException {
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path from = Path.of(entry);
            if (!Files.exists(from)) {
                continue;
            }
            Path to = dir.resolve(n++ + "-" + from.getFileName());
            try (Stream<Path> files = Files.walk(from)) {
                for (Path f : files.toList()) {
                    Path t = to.resolve(from.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(t);
                    } else {
                        Files.createDirectories(t.getParent());
                        if (Files.getPosixFilePermissions(f).contains(PosixFilePermission.OTHERS_READ)) {
                            Files.createLink(t, f);
                        } else {
                            Files.copy(f, t);
                            Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rw-r--r--"));
                        }
                    }
                }
            }
            entries.add(to.toString());
        }
        openFolders(dir);
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** Lets every user enter and list {@code dir} and every folder in it. */
    static void openFolders(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    /** Gives {@code p} (not what is in it) to {@code nobody}. */
    static void giveToNobody(Path p) throws Exception {
        Result r = run("chown", NOBODY + ":" + NOBODY, p.toString());
        assertEquals(0, r.code(), r.output());
    }

    /** Runs the command line as {@code nobody} in another JVM. */
    static Result asNobody(String classPath, Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                "setpriv",
                "--reuid=" + NOBODY,
                "--regid=" + NOBODY,
                "--clear-groups",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-XX:-UsePerfData",
                "-cp",
                classPath,
                Main.class.getName()));
        cmd.addAll(List.of(args));
        return run(cmd, dir);
    }
}
