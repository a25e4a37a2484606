package eu.eurocities.site;

import eu.eurocities.site.write.OutputLock;
import java.nio.file.Path;

/** A process that holds the lock of the output folder {@code args[0]} until its input ends, or it is killed. */
public final class LockHolder {
    private LockHolder() {}

    /** Takes the lock, says {@code locked}, and waits. */
    public static void main(String[] args) throws Exception {
        try (OutputLock lock = OutputLock.take(Path.of(args[0]))) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until the test closes this process's input
            }
        }
    }
}
