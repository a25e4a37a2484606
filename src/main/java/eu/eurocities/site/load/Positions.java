package eu.eurocities.site.load;

import eu.eurocities.site.diag.SourcePos;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;

/**
 * Where each field of one record was written, as a read-only map from field name to {@link SourcePos}: one path, the
 * field names and each line and column packed in one number, so that a million records do not hold seven position
 * objects each (a {@link SourcePos} is made when one is asked for). Iterates in the order the fields were given.
 */
final class Positions extends AbstractMap<String, SourcePos> {
    private final String path;
    private final String[] fields;
    /** Line in the high 32 bits, column in the low 32, per field. */
    private final long[] places;

    /** The position of a SnakeYAML mark (0-based) as a 1-based {@link SourcePos}; the file's start when null. */
    static SourcePos at(String path, Mark mark) {
        return mark == null ? SourcePos.start(path) : new SourcePos(path, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private Positions(String path, String[] fields, long[] places) {
        this.path = path;
        this.fields = fields;
        this.places = places;
    }

    /**
     * The positions of {@code given}, in its order: compact when all are in {@code path} (as a record's are), else an
     * ordinary unmodifiable map.
     */
    static Map<String, SourcePos> of(String path, Map<String, SourcePos> given) {
        String[] fields = new String[given.size()];
        long[] places = new long[given.size()];
        int i = 0;
        for (Map.Entry<String, SourcePos> e : given.entrySet()) {
            SourcePos p = e.getValue();
            if (!p.path().equals(path)) {
                return Map.copyOf(given);
            }
            fields[i] = e.getKey();
            places[i++] = ((long) p.line() << 32) | (p.column() & 0xffffffffL);
        }
        return new Positions(path, fields, places);
    }

    private int indexOf(Object field) {
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].equals(field)) {
                return i;
            }
        }
        return -1;
    }

    private SourcePos at(int i) {
        return new SourcePos(path, (int) (places[i] >>> 32), (int) places[i]);
    }

    @Override
    public SourcePos get(Object field) {
        int i = indexOf(field);
        return i < 0 ? null : at(i);
    }

    @Override
    public boolean containsKey(Object field) {
        return indexOf(field) >= 0;
    }

    @Override
    public int size() {
        return fields.length;
    }

    @Override
    public Set<Map.Entry<String, SourcePos>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return fields.length;
            }

            @Override
            public Iterator<Map.Entry<String, SourcePos>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < fields.length;
                    }

                    @Override
                    public Map.Entry<String, SourcePos> next() {
                        if (next >= fields.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(fields[i], at(i));
                    }
                };
            }
        };
    }
}
