package eu.eurocities.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A city record that has an error, so that the build does not read it, and what {@code new city} and {@code new
 * page} print when they refuse to write beside such a file: a name or title in it could not be compared.
 */
final class BrokenCityRecord {
    /** The closing lines of every such refusal, after the errors of the broken files. */
    static final String NOTHING_WRITTEN =
            "error: nothing was written: a file with an error cannot be checked against the new one\n"
                    + "  hint: correct the error above, then run the command again\n";

    /** What the commands print while {@link #writeInto} has broken the record of Łódź. */
    static final String REFUSAL = "content/cities/lodz.yaml:1:1: error: missing required field 'membership'\n"
            + "  hint: add a line 'membership: ...'\n1 error, 0 warnings\n" + NOTHING_WRITTEN;

    private BrokenCityRecord() {}

    /** Writes {@code content/cities/lodz.yaml} in {@code source} without the membership the base site requires. */
    static void writeInto(Path source) throws IOException {
        Files.writeString(
                source.resolve("content/cities/lodz.yaml"), "name: Łódź\ncountry: PL\n", StandardCharsets.UTF_8);
    }
}
