package eu.eurocities.site.load;

import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.diag.Severity;
import eu.eurocities.site.diag.SourcePos;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The check of a language tag in a record ({@code language}, {@code local_name_lang}, an alternative name's {@code
 * language}): a language of two or three letters, then subtags such as a script or region ({@code sr-Cyrl}).
 */
public final class LanguageTag {
    private static final Pattern SYNTAX = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    /** ISO 639-1, as the JDK lists it; three-letter codes (ISO 639-2/3) are many more and are not checked. */
    private static final Set<String> TWO_LETTER = Set.of(Locale.getISOLanguages());

    private LanguageTag() {}

    /**
     * The problem with {@code tag}, if any: an error when it is not written as a language tag, a warning when its
     * language has two letters but is not one of ISO 639-1 (most often a typo).
     *
     * @param field the field as the message names it, e.g. {@code local_name_lang}
     * @param examples the tags the hint offers, e.g. {@code de, pl or sr-Cyrl}
     */
    public static Optional<Diagnostic> problem(String tag, String field, SourcePos at, String examples) {
        if (!SYNTAX.matcher(tag).matches()) {
            return Optional.of(new Diagnostic(
                    at,
                    Severity.ERROR,
                    field + " '" + tag + "' is not a language tag",
                    "use a code such as " + examples));
        }
        String language = tag.split("-", 2)[0];
        if (language.length() == 2 && !TWO_LETTER.contains(language)) {
            return Optional.of(new Diagnostic(
                    at,
                    Severity.WARNING,
                    field + " '" + tag + "': '" + language + "' is not a language of ISO 639-1",
                    "use a code such as " + examples + "; a language without a two-letter code takes its three "
                            + "letters of ISO 639-2"));
        }
        return Optional.empty();
    }
}
