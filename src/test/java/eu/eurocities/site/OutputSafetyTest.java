package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.write.OutputGuard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output folder is replaced only by a complete, successful build; folders that are not the tool's to replace
 * are refused with exit code 2; pages of removed records disappear; a killed build leaves the previous site.
 */
class OutputSafetyTest {
  @TempDir Path tmp;
  Path source;

  @BeforeEach
  void baseSite() throws IOException {
    source = tmp.resolve("src");
    CasesTest.tree(TextArchive.read(CasesTest.CASES.resolve("_base.txt")), source);
  }

  private CasesTest.Run build(Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of("build", "--source", source.toString(), "--out", out.toString()));
    args.addAll(List.of(extra));
    return CasesTest.Run.of(args.toArray(String[]::new));
  }

  private void refused(Path out, String message) throws IOException {
    Map<String, byte[]> before = CasesTest.snapshot(tmp);
    CasesTest.Run r = build(out);
    assertEquals(2, r.code(), r.err());
    assertEquals("error: " + message + "\n", r.err());
    Map<String, byte[]> after = CasesTest.snapshot(tmp);
    assertEquals(before.keySet(), after.keySet(), "nothing written or deleted");
  }

  @Test
  void refusesTheSourceFolderAndFoldersAroundOrInsideIt() throws IOException {
    Path src = source.toRealPath();
    refused(source, "the output folder " + src + " is the source folder; choose another --out, e.g. site");
    refused(tmp, "the output folder " + tmp.toRealPath() + " contains the source folder " + src
        + "; choose another --out, e.g. site");
    refused(source.resolve("content/out"), "the output folder " + src.resolve("content/out")
        + " is inside content/; choose another --out, e.g. site");
    Files.createDirectories(source.resolve("templates"));
    refused(source.resolve("templates/site"), "the output folder " + src.resolve("templates/site")
        + " is inside templates/; choose another --out, e.g. site");
  }

  @Test
  void refusesAFolderItDidNotCreateUnlessForced() throws IOException {
    Path out = tmp.resolve("photos");
    Files.createDirectories(out);
    Files.writeString(out.resolve("holiday.jpg"), "not a site");
    refused(out, "the output folder " + out.toRealPath() + " is not empty and was not made by this tool; its files "
        + "would be replaced. Choose another --out, or pass --force to replace it");
    CasesTest.Run forced = build(out, "--force");
    assertEquals(0, forced.code(), forced.err());
    assertTrue(Files.isRegularFile(out.resolve("index.html")));
    assertFalse(Files.exists(out.resolve("holiday.jpg")));
  }

  @Test
  void refusesToDeleteFilesItDidNotWriteIntoItsOwnFolder() throws IOException {
    Path out = tmp.resolve("site");
    assertEquals(0, build(out).code());
    Files.writeString(out.resolve("CNAME"), "eurocities.example.org\n");
    refused(out, "the output folder " + out.toRealPath() + " holds 1 file that this tool did not write (CNAME); "
        + "a build would delete them. Move them out of the folder, or pass --force to delete them");
    assertEquals(0, build(out, "--force").code());
    assertFalse(Files.exists(out.resolve("CNAME")));
  }

  @Test
  void refusesAFileAsOutput() throws IOException {
    Path out = tmp.resolve("site.txt");
    Files.writeString(out, "x");
    refused(out, "the output path " + out.toRealPath() + " is a file, not a folder");
  }

  @Test
  void refusesHomeAndTheFileSystemRoot() throws IOException {
    Path home = Files.createDirectories(tmp.resolve("home"));
    assertEquals(Optional.of("refusing to write the site into your home folder " + home.toRealPath()
        + "; choose --out site"), OutputGuard.refuse(source, home, false, home));
    assertEquals(Optional.of("refusing to write the site into your home folder " + home.toRealPath()
        + "; choose --out site"), OutputGuard.refuse(source, home, true, home));
    Path root = tmp.getRoot();
    assertEquals(Optional.of("refusing to write the site into the file system root " + root),
        OutputGuard.refuse(source, root, true, home));
    assertEquals(Optional.empty(), OutputGuard.refuse(source, source.resolve("site"), false, home));
  }

  @Test
  void pagesOfRemovedRecordsDisappearAndUnchangedFilesKeepTheirInode() throws IOException {
    Path out = tmp.resolve("site");
    assertEquals(0, build(out).code());
    assertTrue(Files.isRegularFile(out.resolve("cities/rijeka/index.html")));
    assertTrue(Files.isRegularFile(out.resolve("countries/hr/index.html")));
    Path style = out.resolve("style.css");
    Object inode = Files.getAttribute(style, "unix:ino");
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(style, old);

    Files.delete(source.resolve("content/cities/rijeka.yaml"));
    Files.writeString(source.resolve("content/network.yaml"), Files.readString(source.resolve(
        "content/network.yaml")).replace("member_cities: 3\n  countries: 3", "member_cities: 2\n  countries: 2"));
    CasesTest.Run r = build(out);
    assertEquals(0, r.code(), r.err());
    assertFalse(Files.exists(out.resolve("cities/rijeka")));
    assertFalse(Files.exists(out.resolve("countries/hr")));
    assertTrue(r.out().contains(" 2 removed;"), r.out());
    assertEquals(inode, Files.getAttribute(style, "unix:ino"), "an unchanged file is linked, not rewritten");
    assertEquals(old, Files.getLastModifiedTime(style));
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(List.of("site", "src"), s.map(p -> p.getFileName().toString()).sorted().toList(),
          "no staging or old folder is left beside the output");
    }
  }

  /**
   * Starts a build of the real content in another JVM and kills it while it writes its staging folder, at several
   * moments; the previous site must be byte for byte what it was, and the next build must succeed and clean up.
   */
  @Test
  void aKilledBuildLeavesThePreviousSite() throws Exception {
    Path out = tmp.resolve("real-site");
    CasesTest.Run first = CasesTest.Run.of("build", "--source", ".", "--out", out.toString(), "--no-check");
    assertEquals(0, first.code(), first.err());
    Files.writeString(out.resolve("index.html"), "previous home page\n"); // so the next build changes it
    Files.writeString(out.resolve(".eurocities-site"), Files.readString(out.resolve(".eurocities-site")));
    Map<String, byte[]> before = CasesTest.snapshot(out);
    Path staging = tmp.resolve(".real-site.staging");
    for (int filesBeforeKill : new int[] {1, 80, 160}) {
      Process p = new ProcessBuilder(javaCommand("build", "--source", ".", "--out", out.toString()))
          .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (p.isAlive() && count(staging) < filesBeforeKill && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      boolean killedMidway = p.isAlive();
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      assertTrue(killedMidway, "the build was killed while it ran (" + filesBeforeKill + " files staged)");
      Map<String, byte[]> after = CasesTest.snapshot(out);
      assertEquals(before.keySet(), after.keySet());
      for (String f : before.keySet()) {
        assertTrue(java.util.Arrays.equals(before.get(f), after.get(f)), f + " changed by a killed build");
      }
    }
    CasesTest.Run next = CasesTest.Run.of("build", "--source", ".", "--out", out.toString(), "--no-check");
    assertEquals(0, next.code(), next.err());
    assertFalse(Files.exists(staging));
    assertFalse(Files.readString(out.resolve("index.html")).startsWith("previous"));
  }

  /** The state a build killed between the two renames of its commit leaves: the site renamed aside. */
  @Test
  void aBuildKilledBetweenTheRenamesOfItsCommitIsRepairedEvenByAFailingBuild() throws IOException {
    Path out = tmp.resolve("site");
    assertEquals(0, build(out).code());
    Map<String, byte[]> before = CasesTest.snapshot(out);
    Files.move(out, tmp.resolve(".site.old"));
    Files.createDirectories(tmp.resolve(".site.staging/cities"));
    Files.writeString(tmp.resolve(".site.staging/index.html"), "half");
    Files.writeString(source.resolve("content/cities/oslo.yaml"), "name: Oslo\n");
    CasesTest.Run failed = build(out);
    assertEquals(1, failed.code());
    Map<String, byte[]> after = CasesTest.snapshot(out);
    assertEquals(before.keySet(), after.keySet());
    for (String f : before.keySet()) {
      assertTrue(java.util.Arrays.equals(before.get(f), after.get(f)), f);
    }
    assertFalse(Files.exists(tmp.resolve(".site.old")));
  }

  static List<String> javaCommand(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // the child's temporary files go where this JVM's go (under target/ in a Maven build), also when it is killed
    cmd.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(args));
    return cmd;
  }

  private static long count(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> !p.toFile().isDirectory()).count();
    } catch (java.io.UncheckedIOException e) {
      return 0; // the folder changed while it was walked
    }
  }
}
