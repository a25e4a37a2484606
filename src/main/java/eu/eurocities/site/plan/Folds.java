package eu.eurocities.site.plan;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The folded forms of names ({@link Fold#query}, {@link Fold#key}), kept for the plans that follow: folding is the
 * costliest step of planning, and {@code serve} plans a site again on every save with nearly all names unchanged.
 * The forms are pure functions of the names, so a kept form is the one folding would give. Thread-safe; at most
 * {@link #LIMIT} forms of each kind are kept (then all are dropped and folded again), so that a long session does
 * not keep the forms of every name it ever saw.
 */
public final class Folds {
    static final int LIMIT = 1 << 18;

    private final Map<String, String> queries = new ConcurrentHashMap<>();
    private final Map<List<String>, String> keys = new ConcurrentHashMap<>();

    /** {@link Fold#query} of {@code text}. */
    public String query(String text) {
        String known = queries.get(text);
        if (known != null) {
            return known;
        }
        if (queries.size() >= LIMIT) {
            queries.clear();
        }
        String folded = Fold.query(text);
        queries.put(text, folded);
        return folded;
    }

    /** {@link Fold#key} of {@code names} (null ones are skipped). */
    public String key(String... names) {
        List<String> of = Arrays.asList(names.clone());
        String known = keys.get(of);
        if (known != null) {
            return known;
        }
        if (keys.size() >= LIMIT) {
            keys.clear();
        }
        String folded = Fold.key(names);
        keys.put(of, folded);
        return folded;
    }
}
