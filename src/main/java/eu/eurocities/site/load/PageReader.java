package eu.eurocities.site.load;

import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.SourcePos;
import eu.eurocities.site.model.Alias;
import eu.eurocities.site.model.TextPage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads a Markdown page of {@code content/pages/} (front matter and body) into a {@link TextPage}. */
final class PageReader {
    private PageReader() {}

    /**
     * The page in {@code path}, named {@code file} in messages; empty when it cannot be read, has no title, or nests
     * too deeply to render (each problem is reported).
     */
    static Optional<TextPage> read(String file, Path path, Diagnostics diagnostics) {
        return TextFile.read(path, file, diagnostics)
                .flatMap(text -> FrontMatter.split(text, file, diagnostics))
                .flatMap(fm -> YamlTree.parseMapping(fm.yaml(), file, diagnostics)
                        .map(m -> new Fields(m, file, "", diagnostics))
                        .map(f -> {
                            FrontMatterFields head = head(f);
                            boolean renderable = MarkdownDepth.check(fm.body(), fm.bodyLine(), file, diagnostics);
                            if (head.title() == null || !renderable) {
                                return null;
                            }
                            return new TextPage(
                                    FileNames.stem(file),
                                    head.title(),
                                    head.order() == null ? 100 : head.order().intValue(),
                                    head.description(),
                                    fm.body(),
                                    fm.bodyLine(),
                                    SourcePos.start(file),
                                    head.draft(),
                                    head.aliases(),
                                    head.menu() != null ? head.menu() : head.order() != null ? head.title() : null,
                                    head.titlePos(),
                                    head.menuPos());
                        }));
    }

    /** The fields of a page's front matter; {@code title} is null when missing (reported). */
    record FrontMatterFields(
            String title,
            Long order,
            String description,
            boolean draft,
            List<Alias> aliases,
            String menu,
            SourcePos titlePos,
            SourcePos menuPos) {}

    static FrontMatterFields head(Fields f) {
        String title = f.requiredText("title");
        Long order = f.wholeNumber("order");
        String description = f.text("description");
        boolean draft = f.flag("draft");
        List<Alias> aliases = Aliases.read(f);
        String menu = f.text("menu");
        f.finish();
        return new FrontMatterFields(
                title, order, description, draft, aliases, menu, f.pos("title"), menu != null ? f.pos("menu") : null);
    }

    /**
     * The narrative of a city in {@code path} ({@code content/cities/<slug>.md}, named {@code file}): Markdown with
     * optional front matter, which holds no fields yet (an unknown field is an error). Empty when it cannot be read or
     * nests too deeply (each problem is reported).
     */
    static Optional<TextPage> narrative(String file, Path path, Diagnostics diagnostics) {
        return TextFile.read(path, file, diagnostics).flatMap(text -> {
            Optional<FrontMatter> fm = text.startsWith("---")
                    ? FrontMatter.split(text, file, diagnostics)
                    : Optional.of(new FrontMatter("", text, 1));
            return fm.flatMap(front -> {
                if (!front.yaml().isBlank()) {
                    Optional<Fields> head = YamlTree.parseMapping(front.yaml(), file, diagnostics)
                            .map(m -> new Fields(m, file, "", diagnostics));
                    if (head.isEmpty()) {
                        return Optional.empty();
                    }
                    head.get().finish();
                }
                if (!MarkdownDepth.check(front.body(), front.bodyLine(), file, diagnostics)) {
                    return Optional.empty();
                }
                return Optional.of(new TextPage(
                        FileNames.stem(file), "", 100, null, front.body(), front.bodyLine(), SourcePos.start(file)));
            });
        });
    }
}
