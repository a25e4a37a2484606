package eu.eurocities.site.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.Cli;
import eu.eurocities.site.Pipeline;
import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.model.Content;
import eu.eurocities.site.plan.Page;
import eu.eurocities.site.plan.Planner;
import eu.eurocities.site.render.HtmlTags;
import eu.eurocities.site.render.Markdown;
import eu.eurocities.site.render.Renderer;
import eu.eurocities.site.render.Templates;
import gg.jte.TemplateEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facts a build gathers while rendering are the ones a full jsoup parse of the written page gives: for every page
 * of the real site, with the built-in templates and with templates compiled at run time.
 */
class RecordedFactsTest {

  private static void assertSameFactsOnEveryPage(TemplateEngine engine) {
    Diagnostics diagnostics = new Diagnostics();
    Content content = Pipeline.load(Path.of("."), null, diagnostics).orElseThrow();
    Renderer renderer = new Renderer(content, engine, new Markdown(link -> { }), diagnostics);
    List<Page> pages = Planner.plan(content);
    Set<String> kinds = new java.util.TreeSet<>();
    for (Page page : pages) {
      PageFactsRecorder recorder = new PageFactsRecorder(null);
      String html = renderer.render(page, recorder);
      PageFacts parsed = PageFacts.of(page.file(), html);
      assertEquals(parsed, recorder.facts(page.file()), page.file());
      kinds.add(Renderer.kind(page));
    }
    assertEquals(Set.of("category", "city", "countries", "country", "home", "members", "notfound", "rules",
        "search", "strategy"), kinds);
    assertTrue(pages.size() > 240, "every page of the real site: " + pages.size());
  }

  @Test
  void builtInTemplates() {
    assertSameFactsOnEveryPage(Templates.precompiled());
  }

  @Test
  void templatesCompiledAtRunTime(@TempDir Path work) throws IOException {
    Path source = work.resolve("source");
    Cli.copyTree(Path.of("templates"), source.resolve("templates"));
    Path city = source.resolve("templates/pages/city.jte");
    Files.writeString(city, Files.readString(city) + "\n<!-- changed -->\n", StandardCharsets.UTF_8);
    try (Templates.Choice choice = Templates.forSource(source, work.resolve("classes"))) {
      assertTrue(choice.description().contains("compiled at run time"), choice.description());
      assertSameFactsOnEveryPage(choice.engine());
    }
  }

  @Test
  void pomCompilesTheBuiltInTemplatesWithTheSameTagList() throws IOException {
    List<String> pom = new ArrayList<>();
    for (Element tag : Jsoup.parse(Files.readString(Path.of("pom.xml")), "", Parser.xmlParser())
        .select("plugin:has(> artifactId:containsOwn(jte-maven-plugin)) htmlTags > htmlTag")) {
      pom.add(tag.text());
    }
    assertEquals(HtmlTags.ALL, pom);
  }

  /**
   * A template tag the renderer does not report (a custom element) makes its facts differ from the parse on the
   * first page of that kind; the build then parses those pages in full, and a link to the element's id is not
   * reported broken. A link to an id that is really missing still is.
   */
  @Test
  void aTagTheRendererDoesNotReportFallsBackToAFullParse(@TempDir Path work) throws IOException {
    Path source = Cli.copyContent(work.resolve("source"));
    Cli.copyTree(Path.of("templates"), source.resolve("templates"));
    Path city = source.resolve("templates/pages/city.jte");
    String template = Files.readString(city);
    int h1 = template.indexOf("</h1>") + "</h1>".length();
    Files.writeString(city, template.substring(0, h1) + "\n<x-note id=\"note\">n</x-note><a href=\"#note\">n</a>"
        + template.substring(h1), StandardCharsets.UTF_8);
    Cli.Run build = Cli.run("build", "--source", source.toString(), "--out", work.resolve("site").toString(),
        "--quiet");
    assertEquals(0, build.code(), build.err());

    Files.writeString(city, template.substring(0, h1) + "\n<x-note id=\"note\">n</x-note><a href=\"#nowhere\">n</a>"
        + template.substring(h1), StandardCharsets.UTF_8);
    Cli.Run broken = Cli.run("build", "--source", source.toString(), "--out", work.resolve("site").toString(),
        "--quiet");
    assertEquals(1, broken.code(), broken.err());
    assertTrue(broken.err().contains("cities/aarhus/index.html: broken link: no element with id 'nowhere' in "
        + "cities/aarhus/index.html (href=\"#nowhere\")"), broken.err());
  }
}
