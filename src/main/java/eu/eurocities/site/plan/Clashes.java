package eu.eurocities.site.plan;

import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.SourcePos;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan's rule that one output has one address and one page one title: two outputs claiming one file, or two
 * pages sharing a title, are errors placed at the editor's file that makes one of them, naming the other.
 */
public final class Clashes {
    private Clashes() {}

    /** One output's claim on an address, for {@link #addressesAreUnique}. */
    private record Claim(String file, String address, SourcePos origin, String source, String what) {
        boolean alias() {
            return what.equals("alias");
        }

        /** The address as an editor writes it in {@code aliases:}: {@code /members/} for /members/index.html. */
        String written() {
            return address.endsWith("/index.html")
                    ? address.substring(0, address.length() - "index.html".length())
                    : address;
        }

        /** What has this address, for a message about another output. */
        String owner() {
            return alias() ? "an old address in the aliases: of " + source : source;
        }
    }

    /**
     * Records an error for every output (page or other file) whose output file another of {@code pages} and {@code
     * files} already has: one of the two would be lost without a word. The message names both sources; it is placed at
     * the source file of the later output (the editor's to rename), else at the earlier one's.
     *
     * @return true when every output has an address of its own
     */
    public static boolean addressesAreUnique(List<Page> pages, List<SiteFile> files, Diagnostics diagnostics) {
        // most sites have no clash: claims are made only for the two outputs of one
        Map<String, Object> byFile = new HashMap<>(2 * (pages.size() + files.size()));
        List<Object> outputs = new ArrayList<>(pages.size() + files.size());
        outputs.addAll(pages);
        outputs.addAll(files);
        boolean unique = true;
        for (Object output : outputs) {
            Object earlier = byFile.putIfAbsent(fileOf(output), output);
            if (earlier == null) {
                continue;
            }
            Claim claim = claim(output);
            Claim first = claim(earlier);
            unique = false;
            Claim own = claim.origin() != null ? claim : first;
            Claim other = own == claim ? first : claim;
            if (own.origin() == null) { // two outputs the site makes itself: not an editor's mistake
                diagnostics.error(
                        SourcePos.file("content"),
                        own.source() + " and " + other.source() + " would both be published at " + claim.address(),
                        "this is a fault of the tool; please report it");
            } else if (own.alias()) { // the old address is the mistake, not the file that lists it
                diagnostics.error(
                        own.origin(),
                        "alias '" + own.written() + "' is already "
                                + (other.alias()
                                        ? "in the aliases: of " + other.source()
                                        : "the address of "
                                                + (other.what().equals("page") && other.origin() != null
                                                        ? "the page of " + other.source()
                                                        : other.source())),
                        other.alias()
                                ? "keep it in the aliases: of one of the two: an old address leads to one page"
                                : "remove it from aliases:");
            } else {
                diagnostics.error(
                        own.origin(),
                        "this " + own.what() + " would be published at " + own.address()
                                + ", which is already the address of " + other.owner(),
                        "rename " + own.source()
                                + (own.what().equals("page")
                                        ? "; the site's own pages are at " + String.join(", ", ownAddresses(pages))
                                        : other.origin() != null ? " or " + other.source() : ""));
            }
        }
        return unique;
    }

    /** The output file of {@code output}, a page or a site file. */
    private static String fileOf(Object output) {
        return output instanceof Page p ? p.file() : ((SiteFile) output).file();
    }

    /** The claim {@code output}, a page or a site file, makes on its address. */
    private static Claim claim(Object output) {
        if (output instanceof Page p) {
            return new Claim(p.file(), "/" + p.path(), p.origin(), p.source(), "page");
        }
        SiteFile f = (SiteFile) output;
        return new Claim(
                f.file(),
                "/" + f.file(),
                f.origin(),
                f.source(),
                f.kind() == SiteFile.Kind.REDIRECT && f.origin() != null ? "alias" : "file");
    }

    /**
     * Records an error for every page whose title another of {@code pages} already has: tabs, bookmarks and search
     * results could not tell the two apart. It is placed at the {@code title:} of the page of {@code content/pages/}
     * (else at the record of the later page) and names the other page. The home page is left out: its document title
     * is the site's name. Two pages the site makes itself are left to the output check.
     *
     * @return true when no page of an editor's file shares its title
     */
    public static boolean titlesAreUnique(List<Page> pages, Diagnostics diagnostics) {
        Map<String, Page> byTitle = new HashMap<>();
        boolean unique = true;
        for (Page page : pages) {
            Page first = page instanceof Page.Home ? null : byTitle.putIfAbsent(page.title(), page);
            if (first == null || titledInFrontMatter(page) && titledInFrontMatter(first)) {
                continue; // two pages of content/pages/: the validator names those
            }
            Page own = titledInFrontMatter(page) ? page : titledInFrontMatter(first) ? first : page;
            Page other = own == page ? first : page;
            SourcePos at = titledInFrontMatter(own) ? own.text().titlePos() : own.origin();
            if (at == null) {
                continue;
            }
            unique = false;
            diagnostics.error(
                    at,
                    "title '" + page.title() + "' is also the title of "
                            + (other.origin() != null ? "the page of " + other.source() : other.source()) + " (/"
                            + other.path() + ")",
                    "give each page a title of its own: a title names one page in tabs, bookmarks and search "
                            + "results");
        }
        return unique;
    }

    /** True when {@code page}'s title is the {@code title:} of a file of content/pages/ (not a city's narrative). */
    private static boolean titledInFrontMatter(Page page) {
        return page.text() != null && page.text().pos().path().startsWith("content/pages/");
    }

    /** The addresses of the pages that no Markdown file makes and that are not a city's or a country's. */
    private static List<String> ownAddresses(List<Page> pages) {
        return pages.stream()
                .filter(p -> p.text() == null
                        && p.path().endsWith("/")
                        && p.path().indexOf('/') == p.path().length() - 1)
                .map(p -> "/" + p.path())
                .distinct()
                .sorted()
                .toList();
    }
}
