package eu.eurocities.site.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import eu.eurocities.site.write.MemoryOutput;
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
 * of the real site, with the built-in templates and with templates compiled at run time. Builds with an editor's own
 * templates parse every page, and no record text can change how the rest of a page reads.
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

  /**
   * Unsafe addresses and ids used twice are read the same way from the markup as the templates write it as from a
   * parse of the page: static and computed attributes, a character reference in a scheme, a srcset.
   */
  @Test
  void unsafeAddressesAndRepeatedIdsAreRecordedAsAParseReadsThem(@TempDir Path work) throws IOException {
    Path source = work.resolve("source");
    Cli.copyTree(Path.of("templates"), source.resolve("templates"));
    Path notFound = source.resolve("templates/pages/notfound.jte");
    String template = Files.readString(notFound);
    int h1 = template.indexOf("</h1>") + "</h1>".length();
    Files.writeString(notFound, template.substring(0, h1) + "\n<p id=\"main\"><a href=\"javascript:alert(1)\">a</a>"
        + "<a href=\"JaVaScRiPt&#58;alert(2)\">b</a><img alt=\"\" srcset=\"a.png 1x, data:x 2x\">"
        + "<form action=\"${\"vbscript:\" + \"x\"}\"></form><svg><a href=\"data:x\"><text>c</text></a></svg></p>"
        + template.substring(h1), StandardCharsets.UTF_8);
    try (Templates.Choice choice = Templates.forSource(source, work.resolve("classes"))) {
      Diagnostics diagnostics = new Diagnostics();
      Content content = Pipeline.load(Path.of("."), null, diagnostics).orElseThrow();
      Renderer renderer = new Renderer(content, choice.engine(), new Markdown(link -> { }), diagnostics);
      Page page = Planner.plan(content).stream().filter(p -> p instanceof Page.NotFound).findFirst().orElseThrow();
      PageFactsRecorder recorder = new PageFactsRecorder(null);
      String html = renderer.render(page, recorder);
      PageFacts parsed = PageFacts.of(page.file(), html);
      assertEquals(parsed, recorder.facts(page.file()));
      assertEquals(Set.of("main"), parsed.duplicateIds());
      assertEquals(List.of(
          new PageFacts.UnsafeLink("a", "href", "javascript:alert(1)", "javascript"),
          new PageFacts.UnsafeLink("a", "href", "JaVaScRiPt:alert(2)", "javascript"),
          new PageFacts.UnsafeLink("img", "srcset", "data:x", "data"),
          new PageFacts.UnsafeLink("form", "action", "vbscript:x", "vbscript"),
          new PageFacts.UnsafeLink("a", "href", "data:x", "data")), parsed.unsafeLinks());
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
   * With an editor's own templates the build parses every page: markup the renderer does not report (here a custom
   * element, on one city page that is not the first) still gives its id to the check, and a link to an id that is
   * missing is still reported.
   */
  @Test
  void ownTemplatesAreParsedInFull(@TempDir Path work) throws IOException {
    Path source = Cli.copyContent(work.resolve("source"));
    Cli.copyTree(Path.of("templates"), source.resolve("templates"));
    Path city = source.resolve("templates/pages/city.jte");
    String template = Files.readString(city);
    int h1 = template.indexOf("</h1>") + "</h1>".length();
    String lyonOnly = "\n@if(page.city().slug().equals(\"lyon\"))<x-note id=\"note\">n</x-note>@endif"
        + "<a href=\"${ctx.url(\"cities/lyon/\")}#note\">n</a>";
    Files.writeString(city, template.substring(0, h1) + lyonOnly + template.substring(h1), StandardCharsets.UTF_8);
    Cli.Run build = Cli.run("build", "--source", source.toString(), "--out", work.resolve("site").toString(),
        "--quiet");
    assertEquals(0, build.code(), build.err());

    Files.writeString(city, template.substring(0, h1) + lyonOnly.replace("#note", "#nowhere")
        + template.substring(h1), StandardCharsets.UTF_8);
    Cli.Run broken = Cli.run("build", "--source", source.toString(), "--out", work.resolve("site").toString(),
        "--quiet");
    assertEquals(1, broken.code(), broken.err());
    assertTrue(broken.err().contains("cities/aarhus/index.html: broken link: no element with id 'nowhere' in "
        + "cities/lyon/index.html (href=\"../../cities/lyon/#nowhere\")"), broken.err());
  }

  /**
   * A kind whose recorded facts differ from a full parse on its probe is parsed in full: here every page template
   * writes its heading as {@code <H1>}, which the renderer reports under that name, so a record counts no h1 while a
   * parse counts one. Every page must still have its one h1 for the check: the city pages (a kind whose probe is one
   * of its pages) and the member index (the only page of its kind, probed with its first rows).
   */
  @Test
  void aKindWhoseTwoReadingsDifferIsParsedInFull(@TempDir Path work) throws IOException {
    Path source = work.resolve("source");
    Cli.copyTree(Path.of("templates"), source.resolve("templates"));
    try (var templates = Files.list(source.resolve("templates/pages"))) {
      for (Path template : templates.toList()) {
        String text = Files.readString(template);
        assertTrue(text.contains("<h1>") && text.contains("</h1>"), template + " has an h1");
        Files.writeString(template, text.replace("<h1>", "<H1>").replace("</h1>", "</H1>"), StandardCharsets.UTF_8);
      }
    }
    try (Templates.Choice choice = Templates.forSource(source, work.resolve("classes"))) {
      Diagnostics diagnostics = new Diagnostics();
      Content content = Pipeline.load(Path.of("."), null, diagnostics).orElseThrow();
      List<Page> pages = Planner.plan(content);
      Renderer renderer = new Renderer(content, choice.engine(), new Markdown(link -> { }), diagnostics);
      for (String file : List.of("cities/aarhus/index.html", "members/index.html")) {
        Page page = pages.stream().filter(p -> p.file().equals(file)).findFirst().orElseThrow();
        PageFactsRecorder recorder = new PageFactsRecorder(null);
        renderer.render(page, recorder);
        assertEquals(0, recorder.facts(file).h1Count(), "the record of " + file + " misreads <H1>");
      }

      OutputFacts facts = new OutputFacts();
      Pipeline.generate(content, pages, choice.engine(), Path.of("."), facts.recording(new MemoryOutput(), true),
          diagnostics, page -> true);
      assertTrue(pages.size() > 240, "pages: " + pages.size());
      for (Page page : pages) {
        assertEquals(1, facts.pagesByFile().get(page.file()).h1Count(), page.file());
      }
      assertEquals(List.of(), Pipeline.check(content.site().absolute(""), facts, List.of(), null));
    }
  }

  /**
   * Text in a record cannot change how the rest of a page reads: a local name that would open a comment inside the
   * JSON-LD script leaves the page whole, so the build and a full parse of its output agree.
   */
  @Test
  void recordTextCannotHideTheRestOfAPage(@TempDir Path work) throws IOException {
    Path source = Cli.copyContent(work.resolve("source"));
    Path lyon = source.resolve("content/cities/lyon.yaml");
    Files.writeString(lyon, Files.readString(lyon).replaceAll("(?m)^local_name.*\n", "")
        + "local_name: \"Lyon <!--<script\"\nlocal_name_lang: fr\n", StandardCharsets.UTF_8);
    Path out = work.resolve("site");
    Cli.Run build = Cli.run("build", "--source", source.toString(), "--out", out.toString(), "--quiet");
    assertEquals(0, build.code(), build.err());
    Cli.Run check = Cli.run("check", "--source", source.toString(), "--out", out.toString());
    assertEquals(0, check.code(), check.out() + check.err());
    String html = Files.readString(out.resolve("cities/lyon/index.html"));
    assertFalse(html.contains("<!--<script"), "the JSON-LD holds the name with '<' escaped");
    PageFacts lyonPage = PageFacts.of("cities/lyon/index.html", html);
    assertEquals(1, lyonPage.h1Count());
    assertTrue(lyonPage.ids().contains("main"), lyonPage.ids().toString());
  }

}
