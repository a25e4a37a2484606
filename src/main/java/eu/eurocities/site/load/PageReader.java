package eu.eurocities.site.load;

import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.SourcePos;
import eu.eurocities.site.model.TextPage;
import java.nio.file.Path;
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
              return new TextPage(ContentFolder.stem(file), head.title(),
                  head.order() == null ? 100 : head.order().intValue(), head.description(), fm.body(), fm.bodyLine(),
                  SourcePos.start(file), head.menu() != null ? head.menu() : head.order() != null ? head.title() : null);
            }));
  }

  /** The fields of a page's front matter; {@code title} is null when missing (reported). */
  record FrontMatterFields(String title, Long order, String description, String menu) {}

  static FrontMatterFields head(Fields f) {
    String title = f.requiredText("title");
    Long order = f.wholeNumber("order");
    String description = f.text("description");
    String menu = f.text("menu");
    f.finish();
    return new FrontMatterFields(title, order, description, menu);
  }
}
