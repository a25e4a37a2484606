package eu.eurocities.site.render;

import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.model.City;
import eu.eurocities.site.model.Content;
import eu.eurocities.site.model.Country;
import eu.eurocities.site.model.TextPage;
import eu.eurocities.site.plan.Page;
import eu.eurocities.site.plan.Planner;
import eu.eurocities.site.plan.Routes;
import eu.eurocities.site.render.map.Maps;
import gg.jte.TemplateEngine;
import gg.jte.TemplateException;
import gg.jte.TemplateOutput;
import gg.jte.output.Utf8ByteOutput;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * The render stage: turns one planned page into HTML with the jte templates ({@code templates/pages/<kind>.jte},
 * each wrapped in {@code templates/layout/base.jte}). Thread-safe; pages can be rendered in parallel.
 */
public final class Renderer {
    private final Content content;
    private final TemplateEngine engine;
    private final Markdown markdown;
    private final Maps maps;
    private final List<Credit> sources;
    private final List<Credit> credits;
    private final Consumer<MarkdownLink> links;
    private final Diagnostics diagnostics;
    private final Set<Page.Kind> kinds;
    private final boolean eu;
    private final StaticFiles statics;
    /** The size of the site's logo, so the header does not move when it arrives; null when unknown. */
    private final ImageSize logo;
    /** The texts for scripts that every page's header carries, made once. */
    private final ScriptTexts.Memo scripts;

    private final Set<String> draftFiles;
    private final boolean drafts;
    private final Set<String> prepared = ConcurrentHashMap.newKeySet();
    private final Map<String, TemplateException> failed = new HashMap<>();
    private final ReadWriteLock compiling = new ReentrantReadWriteLock();

    /**
     * @param content validated content
     * @param engine the template engine from {@link Templates}
     * @param markdown the shared Markdown renderer
     * @param maps the site's maps, or null for none
     * @param links receives every link written in Markdown, with its position; must be thread-safe
     * @param diagnostics receives broken links found in Markdown
     * @param statics the static files that Markdown may show
     * @param draftFiles the content files left out as drafts ({@code content/pages/about.md})
     * @param drafts whether drafts that are in {@code content} are shown with a badge
     */
    public Renderer(
            Content content,
            TemplateEngine engine,
            Markdown markdown,
            Maps maps,
            Consumer<MarkdownLink> links,
            Diagnostics diagnostics,
            StaticFiles statics,
            Set<String> draftFiles,
            boolean drafts) {
        this.content = content;
        this.engine = engine;
        this.markdown = markdown;
        this.maps = maps != null ? maps : new Maps(null, content.categories());
        Shared shared = Shared.of(content);
        this.sources = shared.sources();
        this.credits = Credit.withMaps(
                sources, this.maps.drawn() && shared.located(), content.site().messages());
        this.links = links;
        this.diagnostics = diagnostics;
        this.kinds = shared.kinds();
        this.eu = shared.eu();
        this.statics = statics;
        this.logo = content.site().logo() == null || statics == null
                ? null
                : statics.size(content.site().logo().path()).orElse(null);
        this.draftFiles = draftFiles;
        this.drafts = drafts;
        this.scripts = new ScriptTexts.Memo(content.site().messages());
    }

    /**
     * What every page shows of the whole content beyond its own record, besides the site and network settings: the
     * footer's credits, the kinds of page the site has (a page links to the rules page only when there is one) and
     * whether any country is in the European Union. When it changes, every page may change.
     *
     * @param sources the open data sources the records draw on, with the newest snapshot date of their figures
     * @param located whether any city has a location (the footer then credits the map outline)
     * @param kinds the kinds of page the site has ({@link Planner#kinds})
     * @param eu whether any country is in the European Union (the pages then say which are)
     */
    public record Shared(List<Credit> sources, boolean located, Set<Page.Kind> kinds, boolean eu) {
        /** What every page of {@code content} shows of the whole content. */
        public static Shared of(Content content) {
            return new Shared(
                    Credit.of(content),
                    content.cities().values().stream().anyMatch(c -> c.location() != null),
                    Planner.kinds(content),
                    content.countries().values().stream().anyMatch(Country::eu));
        }
    }

    /** The open data sources the records draw on, which the data package names too. */
    List<Credit> sources() {
        return sources;
    }

    /** Where Markdown links may lead in this build. */
    private final LinkTargets targets = new LinkTargets() {
        @Override
        public String page(String contentFile) {
            return target(contentFile);
        }

        @Override
        public boolean draft(String contentFile) {
            return draftFiles.contains(contentFile);
        }

        @Override
        public StaticFiles statics() {
            return statics;
        }
    };

    private static final String TEMPLATE_HINT =
            "undo the last change to this template, or delete it from templates/ to use the built-in one";

    /**
     * The complete HTML document of {@code page}, as UTF-8 bytes; when a template fails, the error is recorded in the
     * diagnostics at the template's line and the result is empty (the build then fails and keeps the previous site).
     */
    public byte[] render(Page page) {
        Links links = new Links(page.path(), content.site().basePath(), page instanceof Page.NotFound);
        TextPage text = page.text();
        // the templates' static text is UTF-8 already (binaryStaticContent): only the values are encoded per page
        Utf8ByteOutput out = new Utf8ByteOutput(256);
        try {
            write(page, links, text == null ? new Html("") : BODY_MARK, out);
        } catch (TemplateException e) {
            diagnostics.addOnce(TemplateErrors.of(e, page.path(), TEMPLATE_HINT));
            return new byte[0];
        }
        if (text == null) {
            return out.toByteArray();
        }
        // the body goes in after the templates, so that its headings take no id the templates use
        byte[] bytes = out.toByteArray();
        String html = new String(bytes, StandardCharsets.UTF_8);
        Set<String> templateIds = TemplateIds.of(bytes);
        return html.replace(
                        BODY_MARK.value(),
                        markdown.render(text, links, targets, templateIds, diagnostics, this.links)
                                .value())
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Where the templates put a page's Markdown body; written as a comment, so it never takes an id. */
    private static final Html BODY_MARK = new Html("<!--eurocities-site: the page's Markdown body-->");

    /** Writes {@code page} with its templates and {@code body} to {@code out}. */
    private void write(Page page, Links links, Html body, TemplateOutput out) {
        String template = page.kind().template();
        PageContext<Page> ctx = new PageContext<>(
                content.site(),
                content.network(),
                page,
                links,
                body,
                maps,
                credits,
                drafts && isDraft(page),
                kinds,
                eu,
                logo,
                scripts);
        prepare(template);
        compiling.readLock().lock();
        try {
            engine.render(template, ctx, out);
        } finally {
            compiling.readLock().unlock();
        }
    }

    /**
     * Loads the templates of {@code pages} before the pages are rendered in parallel: loading one takes every page
     * being rendered to finish first, so a template first needed in the middle of the render (the city pages' while
     * the long member list renders on another core) held up the rest. A template that does not load is reported at
     * each of its pages when they are rendered, as it would be without this.
     */
    public void prepare(Collection<Page> pages) {
        for (String template :
                pages.stream().map(p -> p.kind().template()).distinct().toList()) {
            try {
                prepare(template);
            } catch (TemplateException e) {
                // kept in failed: rendering each page of this template reports it there
            }
        }
    }

    /**
     * Loads {@code template} (compiling it when the engine compiles at run time) before its first page is rendered,
     * one template at a time and while no page is being rendered: jte compiles into one shared folder, and a page
     * rendered during a compile could read a half-written class. A template that does not compile fails the same way
     * for every page, without being compiled again.
     */
    private void prepare(String template) {
        if (prepared.contains(template)) {
            return;
        }
        compiling.writeLock().lock();
        try {
            TemplateException failure = failed.get(template);
            if (failure != null) {
                throw failure;
            }
            if (!prepared.contains(template)) {
                try {
                    engine.prepareForRendering(template);
                } catch (TemplateException e) {
                    failed.put(template, e);
                    throw e;
                }
                prepared.add(template);
            }
        } finally {
            compiling.writeLock().unlock();
        }
    }

    /**
     * The HTML of {@code page}'s Markdown (empty for pages without), with its links reported as {@link #render}
     * reports them; its headings' ids may differ from the rendered page's.
     */
    public Html body(Page page) {
        Links links = new Links(page.path(), content.site().basePath(), page instanceof Page.NotFound);
        TextPage text = page.text();
        return text == null ? new Html("") : markdown.render(text, links, targets, Set.of(), diagnostics, this.links);
    }

    /**
     * The links written in the Markdown of {@code content}, with the pages they end up on, rendering nothing else;
     * links to content files that do not exist are recorded in {@code diagnostics} as {@link #render} does.
     */
    public static List<MarkdownLink> markdownLinks(
            Content content,
            TemplateEngine engine,
            Markdown markdown,
            Diagnostics diagnostics,
            StaticFiles statics,
            Set<String> draftFiles,
            boolean drafts) {
        ConcurrentLinkedQueue<MarkdownLink> links = new ConcurrentLinkedQueue<>();
        Renderer renderer =
                new Renderer(content, engine, markdown, null, links::add, diagnostics, statics, draftFiles, drafts);
        Planner.plan(content).stream().filter(p -> p.text() != null).forEach(renderer::body);
        return MarkdownLink.sorted(links);
    }

    /** True when {@code page} is made from a draft page or a draft city record. */
    private static boolean isDraft(Page page) {
        return page instanceof Page.CityDetail c
                ? c.city().draft()
                : page.text() != null && page.text().draft();
    }

    /** The site path of the page made from a content file, or null when there is none. */
    private String target(String contentFile) {
        if (contentFile.startsWith("content/pages/") && contentFile.endsWith(".md")) {
            String slug = contentFile.substring("content/pages/".length(), contentFile.length() - 3);
            if (!content.pages().containsKey(slug)) {
                return null;
            }
            return Routes.textPage(slug);
        }
        if (contentFile.startsWith("content/cities/") && contentFile.endsWith(".yaml")) {
            String slug = contentFile.substring("content/cities/".length(), contentFile.length() - 5);
            City city = content.cities().get(slug);
            return city == null ? null : Routes.city(city);
        }
        return null;
    }
}
