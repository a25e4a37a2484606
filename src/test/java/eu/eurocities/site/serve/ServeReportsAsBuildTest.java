package eu.eurocities.site.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.Cli;
import eu.eurocities.site.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code serve} reports the problems a {@code build} reports for the same content, all at once: for every case of the
 * corpus, the base site is served, the case's files are laid over it, and the incremental rebuild after that change
 * must say exactly what {@code build --drafts} (serve shows drafts) with the server's base URL prints, with the same
 * summary line but for what the build says of the previous site.
 */
class ServeReportsAsBuildTest {
    private static final String LEFT = "; the previous site was left as it was";

    @TempDir
    static Path tmp;

    static Stream<String> cases() throws IOException {
        return Cli.defaultBuildCases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theRebuildAfterAnEditReportsWhatABuildReports(String name) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Path source = Cli.baseSite(dir.resolve("src"));
        IncrementalBuild serve =
                new IncrementalBuild(source, IncrementalBuildTest.URL, Files.createDirectories(dir.resolve("work")));
        IncrementalBuild.Result first = serve.run(Set.of(), true);
        assertTrue(first.ok(), first.diagnostics().toString());
        Set<String> changed = Cli.applyCase(name, source);
        IncrementalBuild.Result rebuilt = serve.run(changed, false);

        Cli.Run build =
                Cli.build(source, dir.resolve("out"), "--drafts", "--base-url", IncrementalBuildTest.URL.toString());
        List<String> said = build.errLines();
        List<String> expected = said.isEmpty() ? said : said.subList(0, said.size() - 1);
        List<String> actual = Stream.concat(rebuilt.diagnostics().stream(), rebuilt.findings().stream())
                .map(Diagnostic::format)
                .flatMap(String::lines)
                .toList();
        assertEquals(String.join("\n", expected), String.join("\n", actual), "what serve said after the edit");
        assertEquals(build.code() == 0, rebuilt.ok(), "serve's rebuild fails when the build does");
        assertEquals(said.isEmpty() ? "" : said.get(said.size() - 1).replace(LEFT, ""), rebuilt.summary());
    }
}
