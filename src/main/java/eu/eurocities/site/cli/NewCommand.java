package eu.eurocities.site.cli;

import com.github.slugify.Slugify;
import eu.eurocities.site.Main;
import eu.eurocities.site.load.Countries;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code new city NAME --country XX --membership ID}: writes a correct starting record for an editor. */
@Command(name = "new", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Create a new content record.", subcommands = {NewCommand.City.class})
public final class NewCommand {

  /** {@code new city}. */
  @Command(name = "city", mixinStandardHelpOptions = true, versionProvider = Version.class,
      description = "Write content/cities/<slug>.yaml for a new city; the slug is the name transliterated to "
          + "ASCII (Łódź -> lodz).")
  static final class City implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The city's name, e.g. \"Łódź\".")
    String name;

    @Option(names = "--country", required = true, paramLabel = "XX",
        description = "ISO 3166-1 alpha-2 country code, e.g. PL.")
    String country;

    @Option(names = "--membership", required = true, paramLabel = "ID",
        description = "Membership category id from content/membership.yaml, e.g. full, associate, partner.")
    String membership;

    @Option(names = "--source", paramLabel = "DIR", defaultValue = ".",
        description = "Folder holding content/ (default: ${DEFAULT-VALUE}).")
    Path source;

    @Override
    public Integer call() throws IOException {
      PrintWriter err = spec.commandLine().getErr();
      String code = country.toUpperCase(Locale.ROOT);
      if (!Countries.european().containsKey(code)) {
        err.println("error: '" + country + "' is not the ISO 3166-1 alpha-2 code of a European country");
        return Main.USAGE;
      }
      if (!membership.matches("[a-z0-9-]+")) {
        err.println("error: '" + membership + "' is not a membership id; use one from content/membership.yaml");
        return Main.USAGE;
      }
      String slug = slug(name);
      if (slug.isEmpty()) {
        err.println("error: the name '" + name + "' gives an empty slug");
        return Main.USAGE;
      }
      Path file = source.resolve("content/cities/" + slug + ".yaml");
      if (Files.exists(file)) {
        err.println("error: " + source.relativize(file) + " already exists; edit it instead");
        return Main.CONTENT_ERROR;
      }
      Files.createDirectories(file.getParent());
      String yaml = "# yaml-language-server: $schema=../schemas/city.schema.json\n"
          + "name: " + quoted(name.strip()) + "\n"
          + "country: " + code + "\n"
          + "membership: " + membership + "\n";
      Files.writeString(file, yaml, StandardCharsets.UTF_8);
      spec.commandLine().getOut().println("Wrote " + file.normalize());
      return Main.OK;
    }

    /** The slug of a city name: transliterated to ASCII, lower case, words joined by '-'. */
    static String slug(String name) {
      return Slugify.builder().transliterator(true).lowerCase(true).build().slugify(name);
    }

    private static String quoted(String s) {
      return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
  }
}
