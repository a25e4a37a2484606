package eu.eurocities.site.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serve command as a user runs it: exit codes and messages for a busy port, a wrong folder, and Ctrl-C. */
class ServeCommandTest {
  @TempDir Path tmp;

  @Test
  void aPortInUseIsAUsageErrorWithTheFix() throws IOException {
    ServeFixture.copyTree(Path.of("content"), tmp.resolve("content"));
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = busy.getLocalPort();
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = Main.run(new String[] {"serve", "--source", tmp.toString(), "--port", Integer.toString(port)},
          new PrintWriter(out), new PrintWriter(err));
      assertEquals(Main.USAGE, code);
      assertEquals("error: cannot listen on 127.0.0.1:" + port + ": Address already in use\n"
          + "  hint: another program (perhaps another serve) uses this port; stop it, or pick another port with"
          + " --port " + (port + 1) + " (--port 0 picks a free one)\n", err.toString());
    }
  }

  @Test
  void aFolderWithoutContentIsReportedAsTheBuildReportsIt() {
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"serve", "--source", tmp.toString(), "--port", "0"},
        new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertEquals(Main.CONTENT_ERROR, code);
    assertTrue(err.toString().startsWith("content:1:1: error: no content folder in " + tmp.toAbsolutePath().normalize()
        + "\n  hint: run the command in the folder that holds content/, or pass --source DIR\n"), err.toString());
  }

  @Test
  void stoppingTheProcessShutsDownCleanly() throws Exception {
    ServeFixture.copyTree(Path.of("content"), tmp.resolve("content"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "serve", "--source", tmp.toString(), "--port", "0")
        .redirectErrorStream(true).start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        lines.add(line);
        if (line.startsWith("Watching")) {
          p.toHandle().destroy(); // SIGTERM, which runs the shutdown hook as Ctrl-C (SIGINT) does
        }
      }
    }
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertTrue(lines.get(0).startsWith("start: 250 pages rendered, 258 files changed in "), lines.toString());
    assertTrue(lines.get(1).matches("Serving .* at http://127\\.0\\.0\\.1:\\d+/"), lines.toString());
    assertEquals("Watching content/ and templates/ for changes; press Ctrl-C to stop.", lines.get(2));
    assertEquals("Stopped.", lines.get(lines.size() - 1), lines.toString());
  }
}
