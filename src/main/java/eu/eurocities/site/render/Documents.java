package eu.eurocities.site.render;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The cities' search documents as JSON, by their place, packed one after another into blocks of a megabyte rather
 * than held as an array each: about 12 B a document beside its text, against about 70 B for an array and the record
 * that holds it.
 */
final class Documents implements Shards.Docs {
    private static final int BLOCK = 1 << 20;

    private final List<byte[]> blocks = new ArrayList<>();
    private final int[] blockOf;
    private final int[] starts;
    private final int[] ends;
    private int size;
    private byte[] block;
    private int used;

    /** Room for {@code capacity} documents. */
    Documents(int capacity) {
        blockOf = new int[capacity];
        starts = new int[capacity];
        ends = new int[capacity];
    }

    /** Adds the document of the next place. */
    void add(byte[] json) {
        if (block == null || used + json.length > block.length) {
            block = new byte[Math.max(BLOCK, json.length)];
            blocks.add(block);
            used = 0;
        }
        System.arraycopy(json, 0, block, used, json.length);
        blockOf[size] = blocks.size() - 1;
        starts[size] = used;
        used += json.length;
        ends[size++] = used;
    }

    @Override
    public void write(int place, ByteArrayOutputStream out) {
        out.write(blocks.get(blockOf[place]), starts[place], ends[place] - starts[place]);
    }
}
