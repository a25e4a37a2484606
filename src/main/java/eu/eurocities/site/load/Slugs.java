package eu.eurocities.site.load;

import com.github.slugify.Slugify;
import java.util.Locale;

/**
 * The slug rule for file names: a name transliterated to ASCII (ICU), lower case, words joined by '-', so that
 * {@code Łódź} becomes {@code lodz} and {@code Brighton & Hove} becomes {@code brighton-hove}.
 */
public final class Slugs {
  // lower-cased here with Locale.ROOT: the library's own lower-casing follows the default locale, which in Turkish
  // turns 'Istanbul' into 'ıstanbul'
  private static final Slugify SLUGIFY = Slugify.builder().transliterator(true).lowerCase(false).build();

  private Slugs() {}

  /** The slug of {@code name}; empty when the name has no letters or digits. */
  public static String of(String name) {
    return SLUGIFY.slugify(name).toLowerCase(Locale.ROOT);
  }
}
