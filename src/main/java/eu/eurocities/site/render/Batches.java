package eu.eurocities.site.render;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Makes the items of a long list in parallel a batch at a time and hands them on in the list's order, so that a file
 * of a million rows is written as its rows are made, holding one batch of them rather than all.
 */
final class Batches {
    /** Items per batch: enough to keep every core busy, few enough to be a small part of the heap at any size. */
    static final int SIZE = 8_192;

    private Batches() {}

    /** Gives {@code use} what {@code make} makes of each of {@code items}, in their order, one batch at a time. */
    static <T, R> void inOrder(List<T> items, Function<T, R> make, Consumer<R> use) {
        for (int from = 0; from < items.size(); from += SIZE) {
            items.subList(from, Math.min(items.size(), from + SIZE)).parallelStream()
                    .map(make)
                    .toList()
                    .forEach(use);
        }
    }
}
