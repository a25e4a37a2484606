package eu.eurocities.site.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Supplies {@code --version}: {@code eurocities-site 0.1.0 (commit 1a2b3c4d5e, 2026-12-06)}. The version and the
 * date come from {@code pom.xml} (the date is {@code project.build.outputTimestamp}, so that two builds of one
 * commit give the same jar); the commit is the one the jar was built from, left out when the build had no git.
 */
public final class Version implements CommandLine.IVersionProvider {
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,40}");

    @Override
    public String[] getVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/eu/eurocities/site/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        List<String> details = new ArrayList<>();
        commit().ifPresent(c -> details.add("commit " + c));
        String date = p.getProperty("date", "");
        if (date.length() >= 10) {
            details.add(date.substring(0, 10));
        }
        return new String[] {
            "eurocities-site " + p.getProperty("version", "unknown")
                    + (details.isEmpty() ? "" : " (" + String.join(", ", details) + ")")
        };
    }

    /** The abbreviated commit id the build wrote into the jar, if it could ask git for one. */
    static Optional<String> commit() throws IOException {
        try (InputStream in = Version.class.getResourceAsStream("/eu/eurocities/site/commit.txt")) {
            if (in == null) {
                return Optional.empty();
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return COMMIT.matcher(text).matches() ? Optional.of(text) : Optional.empty();
        }
    }
}
