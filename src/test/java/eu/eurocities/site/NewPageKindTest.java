package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.resolve.DirectoryCodeResolver;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new kind of page takes the files README.md's "Layout of the code" names: its record and kind in {@code
 * plan/Page.java}, its address in {@code plan/Routes.java}, the line in {@code plan/Planner.java} that makes it, and
 * its template {@code templates/pages/<kind>.jte}. The test does what a developer would: on a copy of the code it adds
 * a page of the founding cities at {@code founders/} with small edits at fixed places in those files, compiles the
 * copy as {@code mvn package} does (the templates to Java with jte's generator, then everything with javac), builds a
 * copy of the real content with the result and checks that the page is written, listed in the sitemap and passes the
 * output checks. When a place an edit goes to is no longer found, the test fails and names it: move the anchor with
 * the code, and keep the README's list of files true.
 */
class NewPageKindTest {
    private static final String PAGE = "src/main/java/eu/eurocities/site/plan/Page.java";
    private static final String ROUTES = "src/main/java/eu/eurocities/site/plan/Routes.java";
    private static final String PLANNER = "src/main/java/eu/eurocities/site/plan/Planner.java";
    private static final String TEMPLATE = "templates/pages/founders.jte";

    /** The words only the new template writes, to find on the page. */
    private static final String MARK = "Listed here by a kind of page added in four files.";

    @Test
    void aNewKindOfPageTakesTheFilesTheReadmeNames(@TempDir Path dir) throws Exception {
        Path code = dir.resolve("code");
        Cli.copyTree(Path.of("src/main/java"), code.resolve("src/main/java"));
        Cli.copyTree(Path.of("templates"), code.resolve("templates"));
        Map<String, String> before = digests(code);

        insert(
                code.resolve(PAGE),
                "        NOT_FOUND(\"notfound\", ",
                "        FOUNDERS(\"founders\", \"the page of the founding cities\"),\n",
                true);
        insert(code.resolve(PAGE), "    /** The page served for a missing URL. */\n", """
                    /** The founding cities of the network. */
                    record Founders(String path, String title, String description, List<City> cities) implements Page {
                        @Override
                        public Kind kind() {
                            return Kind.FOUNDERS;
                        }
                    }

                """, true);
        insert(
                code.resolve(ROUTES),
                "    public static final String SEARCH = \"search/\";\n",
                "    /** The founding cities. */\n    public static final String FOUNDERS = \"founders/\";\n",
                false);
        insert(
                code.resolve(PLANNER),
                "        pages.add(new Page.Countries(\n",
                "        pages.add(new Page.Founders(Routes.FOUNDERS, \"Founding cities\", \"The founding cities.\","
                        + " founders));\n",
                true);
        Files.writeString(code.resolve(TEMPLATE), """
                @import eu.eurocities.site.render.PageContext
                @import eu.eurocities.site.plan.Page
                @param PageContext<Page.Founders> ctx
                !{var page = ctx.page();}
                @template.layout.base(ctx = ctx, content = @`
                <h1>${page.title()}</h1>
                <p>%s</p>
                <ul>
                @for(var city : page.cities())
                  <li><a href="${ctx.cityUrl(city)}">${city.name()}</a></li>
                @endfor
                </ul>
                `)
                """.formatted(MARK), StandardCharsets.UTF_8);
        assertEquals(Set.of(PAGE, ROUTES, PLANNER, TEMPLATE), changed(before, digests(code)));

        Path classes = compile(code, dir.resolve("generated"), dir.resolve("classes"));
        Path site = dir.resolve("site");
        Cli.copyTree(Path.of("content"), site.resolve("content"));
        Path out = dir.resolve("out");
        Path report = dir.resolve("report.json");
        Cli.Run run = build(
                classes,
                "build",
                "--source",
                site.toString(),
                "--out",
                out.toString(),
                "--report",
                report.toString(),
                "--quiet");

        assertEquals(new Cli.Run(0, "", ""), run, "the build with the new kind of page");
        assertTrue(Files.isRegularFile(out.resolve("founders/index.html")), "the page is at its address, founders/");
        String html = Files.readString(out.resolve("founders/index.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<h1>Founding cities</h1>\n<p>" + MARK + "</p>"), html);
        assertTrue(html.contains(">Barcelona</a></li>"), "the founding cities are listed: " + html);
        String sitemap = Files.readString(out.resolve("sitemap.xml"), StandardCharsets.UTF_8);
        assertTrue(sitemap.contains("/founders/</loc>"), sitemap);
        JsonNode said = new ObjectMapper().readTree(report.toFile());
        assertTrue(said.get("succeeded").asBoolean(), said.toString());
        assertEquals(1, said.at("/kinds/founders/pages").asInt(), said.toString());
        assertEquals(0, said.get("outputProblems").size(), "the output check found nothing: " + said);
        assertEquals(0, said.get("errors").size(), said.toString());

        // the same code with the kind's template forgotten: said at the file to add, the site left as it was
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("JtefoundersGenerated")
                            || p.endsWith("default-theme/" + TEMPLATE))
                    .toList()) {
                Files.delete(p);
            }
        }
        Cli.Run forgotten = build(classes, "build", "--source", site.toString(), "--out", out.toString());
        assertEquals(
                new Cli.Run(
                        1,
                        "",
                        "templates/pages/founders.jte: error: no template pages/founders.jte for the pages of its"
                                + " kind, such as founders/\n"
                                + "  hint: each kind of page in plan/Page.java is rendered by"
                                + " templates/pages/founders.jte: add it (README: Layout of the code)\n"
                                + "1 error, 0 warnings\n"),
                forgotten,
                "the build without the kind's template");
        assertTrue(Files.isRegularFile(out.resolve("founders/index.html")), "the last good site is kept");
    }

    /**
     * Inserts {@code text} before (or after) the one line that starts with {@code anchor}; fails when there is no such
     * line or more than one.
     */
    private static void insert(Path file, String anchor, String text, boolean before) throws IOException {
        String s = Files.readString(file, StandardCharsets.UTF_8);
        int at = s.indexOf(anchor);
        if (at < 0 || (at > 0 && s.charAt(at - 1) != '\n')) {
            fail("the anchor for the new kind of page is gone from " + file.getFileName() + ": '" + anchor.strip()
                    + "'; move the edit with the code");
        }
        if (s.indexOf(anchor, at + 1) >= 0) {
            fail("the anchor '" + anchor.strip() + "' is in " + file.getFileName() + " twice; pick one that is not");
        }
        int where = before ? at : at + anchor.length();
        if (!before && !anchor.endsWith("\n")) {
            fail("an anchor to insert after must be a whole line: '" + anchor + "'");
        }
        Files.writeString(file, s.substring(0, where) + text + s.substring(where), StandardCharsets.UTF_8);
    }

    /**
     * Compiles the copy of the code in {@code code} as the Maven build does: its templates to Java sources in {@code
     * generated} with the settings of the jte-maven-plugin in pom.xml, then those and {@code src/main/java} into
     * {@code classes}, with the resources the build puts beside them (the templates as the built-in theme).
     */
    private static Path compile(Path code, Path generated, Path classes) throws IOException, URISyntaxException {
        TemplateEngine jte = TemplateEngine.create(
                new DirectoryCodeResolver(code.resolve("templates")),
                generated,
                ContentType.Html,
                null,
                "gg.jte.generated.precompiled");
        jte.setTrimControlStructures(true);
        jte.generateAll();

        List<Path> sources;
        try (Stream<Path> main = Files.walk(code.resolve("src/main/java"));
                Stream<Path> templates = Files.walk(generated)) {
            sources = Stream.concat(main, templates)
                    .filter(p -> p.toString().endsWith(".java"))
                    .sorted()
                    .toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "the tests run on a Java runtime without a compiler: run them on a JDK");
        DiagnosticCollector<JavaFileObject> said = new DiagnosticCollector<>();
        Files.createDirectories(classes);
        try (StandardJavaFileManager files = javac.getStandardFileManager(said, Locale.ROOT, StandardCharsets.UTF_8)) {
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, libraries());
            boolean compiled = javac.getTask(
                            null,
                            files,
                            said,
                            List.of("--release", "17", "-proc:none", "-nowarn"),
                            null,
                            files.getJavaFileObjectsFromPaths(sources))
                    .call();
            assertTrue(
                    compiled,
                    () -> "the changed code does not compile:\n"
                            + said.getDiagnostics().stream()
                                    .map(Object::toString)
                                    .collect(Collectors.joining("\n")));
        }
        // the resources of the build (countries, version), then the templates it carries as the built-in theme
        Path built = Path.of(
                Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(built)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = built.relativize(p).toString().replace('\\', '/');
                if (Files.isRegularFile(p) && !name.endsWith(".class") && !name.startsWith("default-theme/")) {
                    Files.createDirectories(classes.resolve(name).getParent());
                    Files.copy(p, classes.resolve(name));
                }
            }
        }
        Cli.copyTree(code.resolve("templates"), classes.resolve("default-theme/templates"));
        return classes;
    }

    /** Runs the command line of the code compiled into {@code classes}, with the libraries the tests have. */
    private static Cli.Run build(Path classes, String... args) throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(classes.toUri().toURL());
        for (Path jar : libraries()) {
            urls.add(jar.toUri().toURL());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Thread thread = Thread.currentThread();
        ClassLoader was = thread.getContextClassLoader();
        // the platform loader as parent: no class of the tool comes from the unchanged build the tests run on
        try (URLClassLoader loader =
                new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Class<?> main = Class.forName("eu.eurocities.site.Main", true, loader);
            assertEquals(loader, main.getClassLoader());
            Method run = main.getMethod("run", String[].class, PrintWriter.class, PrintWriter.class);
            thread.setContextClassLoader(loader);
            int code = (int) run.invoke(null, args, new PrintWriter(out, true), new PrintWriter(err, true));
            return new Cli.Run(code, out.toString(), err.toString());
        } catch (InvocationTargetException e) {
            throw new AssertionError("the changed tool failed", e.getCause());
        } finally {
            thread.setContextClassLoader(was);
        }
    }

    /** The jars on the tests' class path: the tool's libraries (and the tests'), without the tool's own classes. */
    private static List<Path> libraries() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(s -> !s.isEmpty())
                .map(Path::of)
                .filter(Files::isRegularFile)
                .toList();
    }

    /** Every file under {@code root} by its '/'-separated path, with a digest of its bytes. */
    private static Map<String, String> digests(Path root) throws IOException, NoSuchAlgorithmException {
        Map<String, String> out = new TreeMap<>();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.put(
                        root.relativize(p).toString().replace('\\', '/'),
                        HexFormat.of().formatHex(sha.digest(Files.readAllBytes(p))));
            }
        }
        return out;
    }

    /** The paths added, removed or changed from {@code before} to {@code after}. */
    private static Set<String> changed(Map<String, String> before, Map<String, String> after) {
        Set<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        paths.removeIf(p -> Objects.equals(before.get(p), after.get(p)));
        return paths;
    }
}
