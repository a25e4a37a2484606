package eu.eurocities.site.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.eurocities.site.BuiltSite;
import eu.eurocities.site.render.LinkSchemes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The facts the streaming reader gives are the ones a full HTML parse (jsoup) gives: on every page of the real
 * site, and on markup written to trip a reader up.
 */
class PageFactsTest {

    @Test
    void everyPageOfTheRealSiteReadsAsAFullParseReadsIt() throws IOException {
        Path out = BuiltSite.out();
        List<Path> pages = BuiltSite.htmlFiles();
        assertEquals(true, pages.size() > 200, "pages: " + pages.size());
        for (Path page : pages) {
            String file = out.relativize(page).toString();
            String html = Files.readString(page);
            assertEquals(parsed(file, html), PageFacts.of(file, html), file);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<!DOCTYPE html><HTML LANG=en><head><TITLE> A &amp;\n  B </TITLE></head><body><H1 "
                        + "ID=x>T</H1></body></HTML>",
                "<html lang=\"fr\"><title>x</title><link rel=\"CANONICAL\" href=\"https://e.org/a/\"><link "
                        + "rel=canonical href=b>",
                "<a href=\"a&amp;b\" href=\"second\">1</a><a href='q?x=1&y=2'>2</a><a href=unquoted>3</a><a>4</a>",
                "<script>var s = '<a href=\"js\">'; // </div></script><style>a[href=\"css\"] {}</style><p>after</p>",
                "<!-- <a href=\"comment\"> <h1>c</h1> --><img src=\"i.png\" alt=\"\"><video src=v.mp4 "
                        + "poster=p.png></video>",
                "<svg><use href=\"#s\"/><a href=\"svg-link\"><text>t</text></a></svg><p id=\"a\" id=\"b\">",
                "<p>no html element, no title</p><h1>one</h1><h1>two</h1>",
                "<html lang=de><body><h2 id=\"&#x41;b\">x</h2><iframe src=\"f.html\"></iframe><a href=\"\">empty</a>",
                "<p id=\"a\">1</p><p id=\"a\">2</p><A HREF=\" JavaScript&#58;alert(1)\">x</A><img srcset=\"a.png 1x, "
                        + "data:x 2x\">",
                "<form action=\"vbscript:x\"><button formaction=\"javascript:y\">b</button></form><meta "
                        + "http-equiv=refresh "
                        + "content=\"0; url=javascript:z\"><svg><a xlink:href=\"data:text/html,x\">s</a></svg>",
                "<!--><a href=\"after-empty-comment\"><!---><a href=\"after-dash\"><!-- a -- b --!><a href=\"bang\">",
                "<title>A <b>bold</b> &amp; <!-- not a comment --> title</title><textarea><a href=\"ta\"></textarea>",
                "<SCRIPT type=x>if (a </scripty> b) {}</SCRIPT ><a href=\"after-script\"><STYLE>a{}</style >",
                "<p a=1 b='2'c=\"3\" =d id = \"spaced\" /><a href=x/y>1</a><a href=\"q\"/b>2</a><br/><img src=i.png/>",
                "</p title=\">\"><a href=\"after-end-tag\"></><a href=after-empty></ p><a href=\"after-bogus\">",
                "<?xml x?><a href=\"pi\"><![CDATA[<a href=\"cdata\">]]><a HREF=\"UPPER\" Id=Mixed><1 a href=t>",
                "<title>Page</title><svg><title>Chart</title><desc id=\"d\">t</desc><rect/></svg><svg/><style><a "
                        + "href=\"s\"></style><h1>x</h1>",
                "<p>cut off <a href=\"cut",
                "<a href=\"x\" id=\"a\"><i id=\"a",
                "<DIV CLASS=c><My-Element Data-Key=k ID=Upper-Id HREF=h></My-Element><Link REL=Canonical HREF=c><A "
                        + "HREF=a Rel=x><Img SRC=i SrcSet=\"data:x 1x\"><x-1a-B Id=n>",
            })
    void trickyMarkupReadsAsAFullParseReadsIt(String html) {
        assertEquals(parsed("x.html", html), PageFacts.of("x.html", html));
    }

    /** The facts as read from jsoup's document tree: the reading the streaming reader must match. */
    static PageFacts parsed(String file, String html) {
        Document doc = Jsoup.parse(html);
        List<String> links = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> duplicateIds = new HashSet<>();
        List<PageFacts.UnsafeLink> unsafe = new ArrayList<>();
        int h1 = 0;
        String canonical = "";
        for (Element e : doc.getAllElements()) {
            if (e.normalName().equals("h1")) {
                h1++;
            }
            if (e.hasAttr("src")) {
                links.add(e.attr("src"));
            } else if ((e.normalName().equals("a") || e.normalName().equals("link")) && e.hasAttr("href")) {
                links.add(e.attr("href"));
                if (e.normalName().equals("link")
                        && canonical.isEmpty()
                        && "canonical".equalsIgnoreCase(e.attr("rel"))) {
                    canonical = e.attr("href");
                }
            }
            if (e.hasAttr("id") && !ids.add(e.id())) {
                duplicateIds.add(e.id());
            }
            for (Attribute a : e.attributes()) {
                for (String address : LinkSchemes.addresses(e.normalName(), a.getKey(), a.getValue())) {
                    String scheme = LinkSchemes.refused(address);
                    if (scheme != null) {
                        unsafe.add(new PageFacts.UnsafeLink(e.normalName(), a.getKey(), address, scheme));
                    }
                }
            }
        }
        Element root = doc.selectFirst("html");
        return new PageFacts(
                file,
                doc.title().strip(),
                h1,
                root == null ? "" : root.attr("lang"),
                canonical,
                List.copyOf(links),
                Set.copyOf(ids),
                Set.copyOf(duplicateIds),
                List.copyOf(unsafe),
                !doc.select("meta[http-equiv=refresh]").isEmpty());
    }
}
