package eu.eurocities.site.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which file names the watcher treats as editors' transient files, which never start a rebuild. */
class WatcherTest {
  @ParameterizedTest(name = "{0} -> transient {1}")
  @CsvSource({
      ".lodz.yaml.swp, true", // vim swap
      ".lodz.yaml.swx, true",
      ".lodz.yaml.swo, true",
      "lodz.yaml~, true", // backup (vim, emacs, gedit)
      "4913, true", // vim's probe for a writable folder
      ".#lodz.yaml, true", // emacs lock
      "#lodz.yaml#, true", // emacs auto-save
      ".goutputstream-7S2VX2, true", // gedit's temporary file before the rename
      "lodz.yaml___jb_tmp___, true", // JetBrains safe write
      "lodz.yaml___jb_old___, true",
      ".lodz.yaml.kate-swp, true",
      "lodz.yaml, false",
      "city.jte, false",
      "style.css, false",
      "strategy-and-activities.md, false",
      "4914, false"})
  void editorsTransientFilesAreRecognised(String name, boolean expected) {
    assertEquals(expected, Watcher.isTransient(name));
  }
}
