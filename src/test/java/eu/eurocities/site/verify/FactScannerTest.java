package eu.eurocities.site.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.Pipeline;
import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.model.Content;
import eu.eurocities.site.plan.Planner;
import eu.eurocities.site.write.MemoryOutput;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The single-pass scanner must read exactly what a full jsoup parse reads, on real pages and on awkward HTML. */
class FactScannerTest {

  /** The facts as a jsoup document gives them: the reference the scanner is held to. */
  static PageFacts byJsoup(String file, String html) {
    Document doc = Jsoup.parse(html);
    List<String> links = new ArrayList<>();
    for (Element e : doc.select("a[href], link[href], [src]")) {
      links.add(e.hasAttr("src") ? e.attr("src") : e.attr("href"));
    }
    Set<String> ids = new HashSet<>();
    for (Element e : doc.select("[id]")) {
      ids.add(e.id());
    }
    Element canonical = doc.selectFirst("link[rel=canonical]");
    return new PageFacts(
        file, doc.title().strip(), doc.select("h1").size(), doc.selectFirst("html").attr("lang"),
        canonical == null ? "" : canonical.attr("href"), List.copyOf(links), Set.copyOf(ids));
  }

  @Test
  void agreesWithJsoupOnEveryPageOfTheRealSite() {
    Diagnostics diagnostics = new Diagnostics();
    Content content = Pipeline.load(Path.of("."), null, diagnostics).orElseThrow();
    MemoryOutput output = new MemoryOutput();
    Pipeline.generate(content, TemplateEngine.createPrecompiled(ContentType.Html), Path.of("."), output, diagnostics);
    int pages = 0;
    for (Map.Entry<String, byte[]> f : output.files().entrySet()) {
      if (f.getKey().endsWith(".html")) {
        String html = new String(f.getValue(), StandardCharsets.UTF_8);
        assertEquals(byJsoup(f.getKey(), html), FactScanner.scan(f.getKey(), html, null), f.getKey());
        pages++;
      }
    }
    assertEquals(Planner.plan(content).size(), pages); // every page of the site was compared
    assertTrue(pages > 240, "pages: " + pages);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<!DOCTYPE html><HTML LANG='de'><HEAD><TITLE>Caf&eacute; &amp; co</TITLE></HEAD><BODY><A HREF=x.html>x</A>",
        "<html lang=en><title>  two\n\t lines&nbsp;here </title><h1>a</h1><h1 id=b>b</h1><h2 id=b>c</h2>",
        "<a href=\"a?x=1&amp;y=2&copy=3&lt\">q</a><a href='single \"quoted\"'>s</a><a href=bare/path/>b</a>",
        "<a href=\"first\" HREF=\"second\" id=one id=two>dup</a><link rel=stylesheet href=s.css>",
        "<!-- <a href=\"in-comment\"> --><a href=after-comment>x</a><!--><a href=short-comment>y</a><!--->z",
        "<script>var s = '<a href=\"in-script\">'; if (a < b) {}</script><a href=after-script>x</a>",
        "<style>a[href='x']{}</style ><textarea><a href=in-textarea></textarea><a href=ok>ok</a>",
        "<p>1 < 2 and a <b>bold</b> < c</p><a href>empty</a><a name=n>no href</a><img src=i.png><script src=j.js>",
        "<![CDATA[<a href=cdata>]]><?php echo '<a href=pi>' ?><a href=real>r</a>",
        "<h1>no head</h1><title>title in the body</title>",
        "<title>first</title><title>second</title><body id=body><a href=#body>top</a>",
        "<a href=\"x\"/><br/><a\nhref\n=\n\"spaced\"\n>s</a><a href=\"&#x2F;abs&#47;\">n</a>",
        "<a href=\"cut off",
        "<svg><a href=\"in-svg\"><title>svg title</title></a></svg><iframe src=f.html><a href=in-iframe></iframe>",
        "<html><body></body></html><html lang=late>",
        "</a href=end-tag><a href=x =y>z</a></>",
        "<link rel=\" Canonical \" href=\"https://example.org/a/\"><link rel=canonical href=second><a href=x src=y>",
        "<link rel=\"canonical alternate\" href=\"not-it\"><link rel=canonical>",
      })
  void agreesWithJsoupOnAwkwardHtml(String html) {
    assertEquals(byJsoup("p.html", html), FactScanner.scan("p.html", html, null));
  }

  @Test
  void readsTitleLinksSourcesIdsAndLang() {
    PageFacts facts = FactScanner.scan("cities/lodz/index.html",
        "<!DOCTYPE html><html lang=\"pl\"><head><title>\u0141\u00f3d\u017a \u00b7 Eurocities</title>"
            + "<link rel=\"stylesheet\" href=\"../../style.css\"></head><body><main id=\"main\">"
            + "<h1>\u0141\u00f3d\u017a</h1><img src=\"map.png\" alt=\"\"><a href=\"../../countries/pl/\">Poland</a>"
            + "</main></body></html>", null);
    assertEquals("\u0141\u00f3d\u017a \u00b7 Eurocities", facts.title());
    assertEquals("pl", facts.lang());
    assertEquals(1, facts.h1Count());
    assertEquals(List.of("../../style.css", "map.png", "../../countries/pl/"), facts.links());
    assertEquals(Set.of("main"), facts.ids());
    assertTrue(FactScanner.scan("x.html", "<p>nothing</p>", null).title().isEmpty());
  }
}
