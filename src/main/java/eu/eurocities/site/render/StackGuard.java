package eu.eurocities.site.render;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Runs work that recurses as deep as its input nests (parsing and rendering Markdown) on a thread of its own with a
 * known stack, so that how deep a page may nest does not depend on which thread renders it, and a stack overflow
 * becomes an answer the caller can report at the page instead of an error that names no file.
 */
final class StackGuard {
    /** The stack of each guarded run: ample for the nesting the Markdown checks let through. */
    static final long STACK_BYTES = 16L << 20;

    private StackGuard() {}

    /**
     * Runs {@code work} and waits for it.
     *
     * @return its result, or empty when it overflowed its stack
     * @throws RuntimeException or {@link Error} when {@code work} throws one (other than a stack overflow)
     * @throws IllegalStateException when the calling thread is interrupted while it waits
     */
    static <T> Optional<T> run(Supplier<T> work) {
        FutureTask<T> task = new FutureTask<>(work::get);
        Thread thread = new Thread(null, task, "markdown", STACK_BYTES);
        thread.setDaemon(true);
        thread.start();
        try {
            return Optional.of(task.get());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StackOverflowError) {
                return Optional.empty();
            } else if (cause instanceof RuntimeException r) {
                throw r;
            } else if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading Markdown", e);
        }
    }
}
