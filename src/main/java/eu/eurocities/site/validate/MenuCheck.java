package eu.eurocities.site.validate;

import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.NearMiss;
import eu.eurocities.site.model.MenuEntry;
import eu.eurocities.site.model.TextPage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The check of {@code site.yaml}'s {@code menu:}: every entry leads to a page the site has. */
final class MenuCheck {
    private MenuCheck() {}

    /**
     * Reports each menu entry that names a page the site does not have; an entry naming a page whose file has an error
     * waits until the file is fixed.
     */
    static void check(List<MenuEntry> menu, Map<String, TextPage> pages, boolean categorised, Diagnostics d) {
        Set<String> known = new TreeSet<>(pages.keySet());
        for (String builtIn : MenuEntry.BUILT_IN) {
            String needs = builtIn.equals("rules")
                    ? "membership"
                    : builtIn.equals("strategy") ? "strategy-and-activities" : null;
            if (needs == null || pages.containsKey(needs) && (categorised || !builtIn.equals("rules"))) {
                known.add(builtIn);
            }
        }
        Map<String, MenuEntry> targets = new java.util.HashMap<>();
        for (MenuEntry e : menu) {
            MenuEntry same = targets.putIfAbsent(e.page() != null ? "page " + e.page() : "url " + e.url(), e);
            if (same != null) {
                d.warning(
                        e.pos(),
                        "menu entries '" + same.title() + "' (line "
                                + same.pos().line() + ") and '" + e.title()
                                + "' lead to the same " + (e.page() != null ? "page" : "address")
                                + ", so the navigation shows it twice",
                        "remove one of them");
            }
            if (e.page() == null || known.contains(e.page()) || d.hasErrors(ContentPaths.page(e.page()))) {
                continue;
            }
            String stem = e.page().replaceAll("^/+|/+$", "").replaceAll("\\.md$", "");
            if (e.page().equals("rules") || e.page().equals("strategy")) {
                String file = e.page().equals("strategy")
                        ? ContentPaths.page("strategy-and-activities")
                        : categorised
                                ? ContentPaths.page("membership")
                                : ContentPaths.MEMBERSHIP + " and " + ContentPaths.page("membership");
                d.error(
                        e.pos(),
                        "menu entry '" + e.title() + "' leads to the " + e.page() + " page, which is made only from "
                                + file,
                        "add " + file + ", or remove the entry");
                continue;
            }
            String hint = known.contains(stem)
                    ? "write page: " + stem + (pages.containsKey(stem) ? " (the file name without .md)" : "")
                    : e.page().contains(":") || e.page().startsWith("/")
                            ? "write 'url: " + e.page() + "' for an address, or 'page: SLUG' for a page of this site"
                            : NearMiss.hint(
                                    e.page(),
                                    known,
                                    "add content/pages/" + e.page() + ".md, or name one of the site's pages: ");
            d.error(
                    e.pos(),
                    "menu entry '" + e.title() + "' leads to page '" + e.page() + "', which does not exist",
                    hint);
        }
    }
}
