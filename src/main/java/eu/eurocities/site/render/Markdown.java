package eu.eurocities.site.render;

import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.model.TextPage;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders the Markdown body of a page to HTML (CommonMark with tables, heading ids and autolinks; raw HTML in
 * the source is escaped). Links to content files are rewritten to the pages made from them: {@code membership.md}
 * to the rules page, {@code ../cities/oslo.yaml} to Oslo's page, and site paths such as {@code /members/} to a
 * link relative to the page. A link to a content file that does not exist is an error at its line and column.
 * Every link is also reported, with its source position, to the sink given with the page, so that the output
 * check can name the Markdown line of a link it finds broken. Headings get ids by one rule ({@link HeadingIds}).
 * {@link #check} refuses what a page must not hold before anything is rendered. Parsing and rendering run under a
 * {@link StackGuard}, so that no input overflows the stack of the thread that asks.
 *
 * <p>Built once and reused, from any thread. Each body is parsed once: {@link #check} keeps the parse, which
 * {@link #render} and {@link #sections} reuse, for as long as the page itself is in use.
 */
public final class Markdown {
    private final Parser parser;
    private final HtmlRenderer renderer;
    /** How many bodies this renderer has parsed. */
    private final AtomicInteger parses = new AtomicInteger();
    /** The parse of each page's body; weak, so that a page no build uses any more takes its parse with it. */
    private final PageMemo<Body> bodies = new PageMemo<>();
    /**
     * What {@link #check} found in each body it read, so that a page read again from an unchanged file (a rebuild in
     * {@code serve}) is not parsed again to know.
     */
    private final PageMemo<Checked> checked = new PageMemo<>();

    /** The problems {@link #check} found in a body, and whether it passed. */
    private record Checked(List<Diagnostic> found, boolean passed) {}

    /** The size of each image being rendered whose file is a static image; filled and emptied by one render. */
    private final Map<Node, ImageSize> imageSizes = Collections.synchronizedMap(new IdentityHashMap<>());

    /** Builds the parser and renderers. */
    public Markdown() {
        List<Extension> extensions = List.of(TablesExtension.create(), AutolinkExtension.create());
        this.parser = Parser.builder()
                .extensions(extensions)
                .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
                .build();
        this.renderer = HtmlRenderer.builder()
                .extensions(extensions)
                .escapeHtml(true)
                .attributeProviderFactory(HeadingIds.attributes())
                .attributeProviderFactory(context -> (node, tag, attributes) -> {
                    if (node instanceof Image) {
                        ImageSize size = imageSizes.get(node);
                        if (size != null) { // no layout shift while the image loads
                            attributes.put("width", Integer.toString(size.width()));
                            attributes.put("height", Integer.toString(size.height()));
                        }
                        attributes.put("loading", "lazy");
                    }
                })
                .nodeRendererFactory(HeadingIds.renderers())
                .build();
    }

    /**
     * A parsed body. Rendering gives its headings ids and rewrites its links for one page, then puts both back, so
     * that the next use sees the parse as it was; uses are serialised on the body.
     */
    private static final class Body {
        private final Node document;
        /** The destination each link and image was written with, kept while a render rewrites it. */
        private final Map<Node, String> written = new IdentityHashMap<>();

        Body(Node document) {
            this.document = document;
        }
    }

    /** {@code page}'s parsed body, parsed now unless {@link #check} kept it; call under a {@link StackGuard}. */
    private Body body(TextPage page) {
        Body body = bodies.get(page);
        if (body == null) {
            body = new Body(parse(page));
            bodies.put(page, body);
        }
        return body;
    }

    private Node parse(TextPage page) {
        parses.incrementAndGet();
        return parser.parse(page.markdown());
    }

    /** How many bodies this renderer has parsed so far: each once per build ({@code ParseOnceTest} holds it to it). */
    public int parses() {
        return parses.get();
    }

    /**
     * Checks {@code page}'s body for what no page may hold: quotes, lists, emphasis, links and images nested more
     * than 100 levels deep; a level-1 heading (the page's one {@code h1} is its title); a link, image or HTML
     * attribute whose address has a scheme that {@link LinkSchemes} refuses. Each is an error at its line and column.
     * A page that is not too deeply nested keeps its parse for {@link #render}, {@link #sections} and {@link
     * #checkLinks}. A page equal to one checked before (same file, same text) gets the same answer without a parse.
     *
     * @return true when the page passed
     */
    public boolean check(TextPage page, Diagnostics diagnostics) {
        Checked known = checked.adopt(page);
        if (known != null) {
            bodies.adopt(page);
        } else {
            Diagnostics found = new Diagnostics();
            boolean passed = StackGuard.run(() -> {
                        Node document = parse(page);
                        MarkdownCheck.Verdict verdict = MarkdownCheck.check(document, page, found);
                        if (verdict != MarkdownCheck.Verdict.TOO_DEEP) {
                            bodies.put(page, new Body(document));
                        }
                        return verdict == MarkdownCheck.Verdict.PASSED;
                    })
                    .orElseGet(() -> {
                        tooDeep(page, found);
                        return false;
                    });
            known = new Checked(found.sorted(), passed);
            checked.put(page, known);
        }
        known.found().forEach(diagnostics::add);
        return known.passed();
    }

    /**
     * Checks the links and images of {@code page}'s body as {@link #render} does (a link to a content file that is not
     * there, an image that is not a file of {@code static/}, a link to a draft), without rendering a page: for a build
     * that stops before its render stage, so that these mistakes show along with the ones that stopped it. A body
     * that {@link #check} did not read (too deeply nested) is left alone, having had its error.
     *
     * @param links links of the page the body would go into
     * @param targets what the links may lead to
     * @param diagnostics receives each broken link and missing image
     * @param sink receives every link and image of the body, in document order
     */
    public void checkLinks(
            TextPage page, Links links, LinkTargets targets, Diagnostics diagnostics, Consumer<MarkdownLink> sink) {
        if (bodies.get(page) != null) {
            render(page, links, targets, Set.of(), diagnostics, sink);
        }
    }

    /**
     * The words of {@code page}'s body by section, for the search index ({@link SearchText}); the headings' ids are
     * those of a page whose templates take no id.
     *
     * @throws IllegalStateException when the body nests too deeply to read ({@link #check} refuses such a page)
     */
    public List<SearchText.Section> sections(TextPage page) {
        return StackGuard.run(() -> {
                    Body body = body(page);
                    synchronized (body) {
                        HeadingIds.assign(body.document, Set.of());
                        try {
                            return SearchText.of(body.document);
                        } finally {
                            HeadingIds.remove(body.document);
                        }
                    }
                })
                .orElseThrow(() -> new IllegalStateException(page.pos().path() + ": " + TOO_DEEP));
    }

    private static final String TOO_DEEP = "the Markdown is nested too deeply to read";

    private static void tooDeep(TextPage page, Diagnostics diagnostics) {
        diagnostics.error(
                page.pos(),
                TOO_DEEP,
                "look for long runs of '>', '-', '*', '_', '[' or '![' inside each other; a page needs a few levels "
                        + "at most");
    }

    /**
     * Renders {@code page}'s body for the page at {@code links.from()}.
     *
     * @param page the Markdown page
     * @param links links of the page the HTML goes into
     * @param targets maps a content file path ({@code content/pages/membership.md}, {@code content/cities/oslo.yaml})
     *     to its page's site path, or to null when no such file exists; a link to a draft is an error saying so; an
     *     image written with a relative address ({@code logo.png}) is a file of {@code static/} (an error when there
     *     is none), and gets the width and height its header gives and {@code loading="lazy"}
     * @param takenIds the ids the page's templates use, which no heading gets
     * @param diagnostics receives broken links to content files, and an error when the page nests too deeply to
     *     render (then the result is empty)
     * @param sink receives every link and image of the body, in document order; must be thread-safe
     */
    public Html render(
            TextPage page,
            Links links,
            LinkTargets targets,
            Set<String> takenIds,
            Diagnostics diagnostics,
            Consumer<MarkdownLink> sink) {
        return StackGuard.run(() -> {
                    Body body = body(page);
                    synchronized (body) {
                        try {
                            return renderUnguarded(body, page, links, targets, takenIds, diagnostics, sink);
                        } finally {
                            body.written.forEach((node, destination) -> {
                                if (node instanceof Link link) {
                                    link.setDestination(destination);
                                } else {
                                    ((Image) node).setDestination(destination);
                                }
                            });
                            HeadingIds.remove(body.document);
                            body.written.keySet().forEach(imageSizes::remove);
                        }
                    }
                })
                .orElseGet(() -> {
                    tooDeep(page, diagnostics);
                    return new Html("");
                });
    }

    private Html renderUnguarded(
            Body body,
            TextPage page,
            Links links,
            LinkTargets targets,
            Set<String> takenIds,
            Diagnostics diagnostics,
            Consumer<MarkdownLink> sink) {
        Node document = body.document;
        HeadingIds.assign(document, takenIds);
        String dir = page.pos().path().substring(0, page.pos().path().lastIndexOf('/') + 1);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                body.written.putIfAbsent(link, link.getDestination());
                link.setDestination(report(
                        link.getDestination(),
                        link,
                        rewrite(link.getDestination(), link, dir, page, links, targets, diagnostics)));
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                body.written.putIfAbsent(image, image.getDestination());
                String sitePath = staticImage(image.getDestination(), image, page, targets, diagnostics);
                if (sitePath != null) {
                    targets.statics().size(sitePath).ifPresent(size -> imageSizes.put(image, size));
                }
                image.setDestination(report(
                        image.getDestination(),
                        image,
                        sitePath != null
                                ? links.to(sitePath)
                                : rewrite(image.getDestination(), image, dir, page, links, targets, diagnostics)));
                visitChildren(image);
            }

            private String report(String written, Node node, String rewritten) {
                // a second line behind check(): a refused address is written as an empty one, which the output
                // check reports at this line, rather than as itself
                String href = LinkSchemes.refused(rewritten) == null ? rewritten : "";
                String from = links.from();
                String file = from.isEmpty() || from.endsWith("/") ? from + "index.html" : from;
                sink.accept(new MarkdownLink(file, href, written, MarkdownCheck.position(node, page)));
                return href;
            }
        });
        return new Html(renderer.render(document));
    }

    /**
     * The site path of the static file an image shows: {@code logo.png} and {@code /logo.png} are {@code
     * static/logo.png}. A relative address that names no static file is an error here (an image is always a file);
     * null for that, for external images and for content files.
     */
    private static String staticImage(
            String destination, Node node, TextPage page, LinkTargets targets, Diagnostics diagnostics) {
        if (destination.isEmpty() || destination.startsWith("#") || isExternal(destination)) {
            return null;
        }
        String target = destination.replaceFirst("[?#].*$", "");
        boolean sitePath = target.startsWith("/");
        String path = normalize(sitePath ? target.substring(1) : target);
        if (path != null && targets.statics().has(path)) {
            return path;
        }
        if (!sitePath && CONTENT_EXTENSIONS.stream().noneMatch(target::endsWith)) {
            diagnostics.error(
                    MarkdownCheck.position(node, page),
                    "image '" + destination + "' is not a file in " + StaticFiles.FOLDER,
                    "put the image at " + StaticFiles.FOLDER + (path == null ? target : path) + " (it is published at /"
                            + (path == null ? target : path) + "), or correct the address");
        }
        return null;
    }

    private static boolean isExternal(String destination) {
        return destination.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || destination.startsWith("//");
    }

    private static final Set<String> CONTENT_EXTENSIONS = Set.of(".md", ".yaml");

    private static String rewrite(
            String destination,
            Node node,
            String dir,
            TextPage page,
            Links links,
            LinkTargets targets,
            Diagnostics diagnostics) {
        if (destination.isEmpty() || destination.startsWith("#") || isExternal(destination)) {
            return destination;
        }
        String fragment = "";
        String target = destination;
        int hash = target.indexOf('#');
        if (hash >= 0) {
            fragment = target.substring(hash);
            target = target.substring(0, hash);
        }
        if (target.startsWith("/")) {
            return links.to(target.substring(1)) + fragment;
        }
        boolean contentFile = CONTENT_EXTENSIONS.stream().anyMatch(target::endsWith);
        if (!contentFile) {
            return destination;
        }
        String resolved = normalize(dir + target);
        String sitePath = resolved == null ? null : targets.page(resolved);
        if (sitePath == null && resolved != null && targets.draft(resolved)) {
            diagnostics.error(
                    MarkdownCheck.position(node, page),
                    "link to '" + destination + "': " + resolved + " is a draft, which this build leaves out",
                    "remove 'draft: true' from " + resolved
                            + " to publish it, remove the link, or build with --drafts to " + "preview both");
            return destination;
        }
        if (sitePath == null) {
            diagnostics.error(
                    MarkdownCheck.position(node, page),
                    "broken link to '" + destination + "': there is no content file "
                            + (resolved == null ? target : resolved),
                    "link to a page in content/pages/ (e.g. membership.md) or a city in content/cities/ "
                            + "(e.g. ../cities/oslo.yaml)");
            return destination;
        }
        return links.to(sitePath) + fragment;
    }

    /** Resolves '.' and '..' segments; null when the path climbs above the source folder. */
    private static String normalize(String path) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }
}
