package eu.eurocities.site.load;

import com.github.slugify.Slugify;
import java.util.Locale;
import net.gcardone.junidecode.Junidecode;

/**
 * The slug rule for file names: a name transliterated to ASCII (junidecode), lower case, words joined by '-' (the
 * slugify library), so that
 * {@code Łódź} becomes {@code lodz} and {@code Brighton & Hove} becomes {@code brighton-hove}.
 */
public final class Slugs {
    // lower-cased here with Locale.ROOT: the library's own lower-casing follows the default locale, which in Turkish
    // turns 'Istanbul' into 'ıstanbul'
    private static final Slugify SLUGIFY = Slugify.builder().lowerCase(false).build();

    private Slugs() {}

    /** The slug of {@code name}; empty when the name has no letters or digits. */
    public static String of(String name) {
        return SLUGIFY.slugify(Junidecode.unidecode(name)).toLowerCase(Locale.ROOT);
    }
}
