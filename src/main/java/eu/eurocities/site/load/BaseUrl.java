package eu.eurocities.site.load;

import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.SourcePos;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The base URL a site is published under, from {@code site.yaml} or {@code --base-url}. */
public final class BaseUrl {
    private BaseUrl() {}

    /**
     * Checks a base URL: absolute http(s), no user name or password, no query or fragment. The scheme and host are
     * written in lower case (they are case-insensitive) and a missing final '/' is added.
     *
     * @return the URL, or null after recording an error at {@code pos}
     */
    public static URI parse(String value, SourcePos pos, Diagnostics diagnostics) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme == null
                    || !(scheme.equals("http") || scheme.equals("https"))
                    || uri.getHost() == null
                    || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                throw new URISyntaxException(value, "not an absolute http(s) URL");
            }
            if (uri.getRawUserInfo() != null) { // it would be published in every page's canonical link and the sitemap
                diagnostics.error(
                        pos,
                        "base URL '" + value + "' holds a user name or password",
                        "leave it out: the base URL is written into every page; write it like https://example.org/");
                return null;
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (!path.endsWith("/")) {
                path = path + "/";
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            return new URI(scheme + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + path);
        } catch (URISyntaxException e) {
            diagnostics.error(
                    pos,
                    "base URL '" + value + "' is not an absolute http or https URL",
                    "write it like https://example.org/ or https://user.github.io/eurocities/");
            return null;
        }
    }
}
