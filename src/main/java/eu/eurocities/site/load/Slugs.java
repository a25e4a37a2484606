package eu.eurocities.site.load;

import com.github.slugify.Slugify;

/**
 * The slug rule for file names: a name transliterated to ASCII (ICU), lower case, words joined by '-', so that
 * {@code Łódź} becomes {@code lodz} and {@code Brighton & Hove} becomes {@code brighton-hove}.
 */
public final class Slugs {
  private static final Slugify SLUGIFY = Slugify.builder().transliterator(true).lowerCase(true).build();

  private Slugs() {}

  /** The slug of {@code name}; empty when the name has no letters or digits. */
  public static String of(String name) {
    return SLUGIFY.slugify(name);
  }
}
