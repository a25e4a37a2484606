package eu.eurocities.site.load;

import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.SourcePos;
import eu.eurocities.site.model.Activity;
import eu.eurocities.site.model.Category;
import eu.eurocities.site.model.City;
import eu.eurocities.site.model.Claims;
import eu.eurocities.site.model.Content;
import eu.eurocities.site.model.EuRule;
import eu.eurocities.site.model.ExecutiveCommittee;
import eu.eurocities.site.model.Leader;
import eu.eurocities.site.model.Network;
import eu.eurocities.site.model.PopulationRule;
import eu.eurocities.site.model.Site;
import eu.eurocities.site.model.TextPage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.MappingNode;

/**
 * The load stage: reads {@code content/} under a source folder into typed records, checking each file on its own
 * (encoding, YAML syntax, required fields, field types, unknown fields). Checks across files (references, closed
 * sets, membership rules) belong to the validate stage.
 *
 * <p>Files: {@code site.yaml}, {@code network.yaml}, {@code membership.yaml}, {@code cities/*.yaml}, {@code
 * pages/*.md}. A broken file is reported and left out; the build then stops after validation.
 */
public final class ContentLoader {
  static final List<String> SITE_FIELDS = List.of("title", "base_url", "language", "description");
  static final List<String> NETWORK_FIELDS =
      List.of(
          "name", "formation", "type", "headquarters", "region", "languages", "leaders", "founding_cities",
          "executive_committee", "forums", "activities", "claims", "see_also");
  static final List<String> CATEGORY_FIELDS =
      List.of("id", "name", "summary", "population_min", "population_above", "eu", "lists_cities");
  /** The fields a city record may have. */
  public static final List<String> CITY_FIELDS =
      List.of(
          "name", "country", "membership", "population", "population_year", "founding_member", "local_name",
          "local_name_lang", "rule_exception");
  private static final Pattern LANG =
      Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
  static final List<String> PAGE_FIELDS = List.of("title", "order", "description");

  private final Path source;
  private final Diagnostics diagnostics;
  private final CityCache cache;
  private final Map<String, SortedMap<String, Path>> listings = new HashMap<>();
  /** The real paths of the source folder and of content/ (itself perhaps a link), found when a link needs them. */
  private List<Path> inside;

  private ContentLoader(Path source, Diagnostics diagnostics, CityCache cache) {
    this.source = source;
    this.diagnostics = diagnostics;
    this.cache = cache;
  }

  /**
   * Loads {@code source/content}.
   *
   * @param source the folder that holds {@code content/}
   * @param diagnostics receives every problem found in single files
   * @return the records that loaded; parts whose file was broken are replaced by empty values, and {@code
   *     citySlugs} names every city file, loaded or not, so that references to a broken city are not reported twice
   */
  public static Loaded load(Path source, Diagnostics diagnostics) {
    return new ContentLoader(source, diagnostics, null).loadAll();
  }

  /**
   * Like {@link #load(Path, Diagnostics)}, but takes city records (and their files' problems) from {@code cache}
   * when it has them, and adds the ones it reads; for {@code serve}, whose watcher tells the cache what changed.
   */
  public static Loaded load(Path source, Diagnostics diagnostics, CityCache cache) {
    return new ContentLoader(source, diagnostics, cache).loadAll();
  }

  /**
   * What the load stage produced.
   *
   * @param content the typed records
   * @param citySlugs the slug of every file in {@code content/cities/}, including broken ones
   */
  public record Loaded(Content content, Set<String> citySlugs) {}

  private Loaded loadAll() {
    Path content = source.resolve("content");
    if (!Files.isDirectory(content)) {
      diagnostics.error(
          SourcePos.start("content"),
          "no content folder in " + source.toAbsolutePath().normalize(),
          "run the command in the folder that holds content/, or pass --source DIR");
      return new Loaded(
          new Content(defaultSite(), emptyNetwork(), List.of(), Countries.european(), new TreeMap<>(), Map.of()),
          Set.of());
    }
    Site site = readYaml("content/site.yaml").map(this::site).orElse(defaultSite());
    Network network = readYaml("content/network.yaml").map(this::network).orElse(emptyNetwork());
    List<Category> categories = readYaml("content/membership.yaml").map(this::categories).orElse(List.of());
    List<String> cityFiles = list("content/cities", ".yaml");
    SortedMap<String, City> cities = new TreeMap<>();
    // read on all cores; a stream is parallel or sequential as a whole, so the records are collected first
    cityFiles.stream().map(f -> Map.entry(f, path(f))).toList().parallelStream()
        .map(e -> cache == null ? city(e.getKey(), e.getValue())
            : cache.city(e.getKey(), diagnostics,
                own -> new ContentLoader(source, own, null).city(e.getKey(), e.getValue())))
        .flatMap(Optional::stream)
        .toList()
        .forEach(c -> cities.put(c.slug(), c));
    for (String other : list("content/cities", null)) {
      if (!other.endsWith(".yaml") && !isEditorLeftover(other)) {
        misplaced(other, ".yaml", List.of(".yml", ".YAML", ".YML", ".json"), "city records");
      }
    }
    for (String other : list("content/pages", null)) {
      if (!other.endsWith(".md") && !isEditorLeftover(other)) {
        misplaced(other, ".md", List.of(".markdown", ".mdown", ".mkd", ".MD", ".txt"), "pages");
      }
    }
    strays(content);
    Map<String, TextPage> pages = new LinkedHashMap<>();
    for (String file : list("content/pages", ".md")) {
      page(file).ifPresent(p -> pages.put(p.slug(), p));
    }
    Set<String> slugs = new TreeSet<>();
    for (String f : cityFiles) {
      slugs.add(stem(f));
    }
    return new Loaded(
        new Content(site, network, categories, Countries.european(), Collections.unmodifiableSortedMap(cities), pages),
        slugs);
  }

  /**
   * Reports what an editor may have put in the wrong place, which the build would otherwise skip without a word:
   * folders inside {@code cities/} or {@code pages/} (their files are not read), pages or city records directly in
   * {@code content/} (errors), and other unknown files there (warnings).
   */
  private void strays(Path content) {
    for (String folder : List.of("cities", "pages")) {
      Path dir = content.resolve(folder);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> s = Files.list(dir)) {
        for (Path sub : s.filter(Files::isDirectory).sorted().toList()) {
          String name = FileNames.of(sub).map(TextFile::nfc).orElseGet(() -> FileNames.shown(sub));
          if (!isEditorLeftover(name)) {
            diagnostics.error(
                SourcePos.start("content/" + folder + "/" + name),
                "folders inside content/" + folder + "/ are not read; its files would be left out",
                "move the files in it to content/" + folder + "/");
          }
        }
      } catch (IOException e) {
        diagnostics.error(SourcePos.start("content/" + folder), "cannot list folder: " + e.getMessage(),
            "check that the folder can be read");
      }
    }
    Set<String> known = Set.of(
        "site.yaml", "network.yaml", "membership.yaml", "cities", "pages", "schemas");
    try (Stream<Path> s = Files.list(content)) {
      for (Path p : s.sorted().toList()) {
        String name = FileNames.of(p).map(TextFile::nfc).orElseGet(() -> FileNames.shown(p));
        if (known.contains(name) || isEditorLeftover(name)) {
          continue;
        }
        String file = "content/" + name;
        if (name.endsWith(".md")) {
          diagnostics.error(
              SourcePos.start(file), "pages go in content/pages/; this one would be left out",
              "move it to content/pages/" + name);
        } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
          diagnostics.error(
              SourcePos.start(file),
              "content/ holds only site.yaml, network.yaml and membership.yaml; this file would be left out",
              "if it is a city record, move it to content/cities/; check the spelling of the name otherwise");
        } else {
          diagnostics.warning(
              SourcePos.start(file),
              "ignored: content/ holds site.yaml, network.yaml, membership.yaml, cities/, pages/ and schemas/",
              "move it out of content/");
        }
      }
    } catch (IOException e) {
      diagnostics.error(SourcePos.start("content"), "cannot list folder: " + e.getMessage(),
            "check that the folder can be read");
    }
  }

  /**
   * A file in a record folder without the record extension: an error when its extension says it was meant as a
   * record (it would be left out of the site), or as a record of the other folder (a city record in
   * {@code pages/}, a page in {@code cities/}), otherwise a warning that it is ignored.
   */
  private void misplaced(String file, String ext, List<String> meant, String what) {
    String base = file.substring(file.lastIndexOf('/') + 1);
    int dot = base.lastIndexOf('.');
    String own = dot < 0 ? "" : base.substring(dot);
    int first = base.indexOf('.');
    String stem = first <= 0 ? base : base.substring(0, first);
    String renamed = stem + ext;
    String folder = file.substring(0, file.lastIndexOf('/') + 1);
    boolean yaml = own.equals(".yaml") || own.equals(".yml");
    if ((yaml || own.equals(".md")) && !folder.equals(yaml ? "content/cities/" : "content/pages/")) {
      // a record of the other kind in the wrong folder would vanish from the site
      diagnostics.error(
          SourcePos.start(file),
          (yaml ? "city records go in content/cities/" : "pages go in content/pages/") + "; this one would be left out",
          "move it to " + (yaml ? "content/cities/" + stem + ".yaml" : "content/pages/" + stem + ".md"));
    } else if (meant.contains(own)) {
      diagnostics.error(
          SourcePos.start(file), what + " are files ending in " + ext + "; this one would be left out",
          "rename it to " + renamed);
    } else {
      diagnostics.warning(
          SourcePos.start(file), "ignored: " + what + " are files ending in " + ext,
          "rename it to " + renamed + " if it is one, or move it out of " + folder);
    }
  }

  // ------------------------------------------------------------------ record types

  private Site site(Fields f) {
    String title = f.requiredText("title");
    String baseUrl = f.requiredText("base_url");
    String language = f.requiredText("language");
    String description = f.requiredText("description");
    f.finish(SITE_FIELDS);
    if (language != null && !LANG.matcher(language).matches()) {
      f.error("language", "language '" + language + "' is not a language tag", "use a code such as en, fr or de-AT");
    }
    URI uri = baseUrl == null ? null : BaseUrl.parse(baseUrl, f.pos("base_url"), diagnostics);
    return new Site(
        Objects.requireNonNullElse(title, "Eurocities"),
        uri == null ? URI.create("https://example.org/") : uri,
        Objects.requireNonNullElse(language, "en"),
        Objects.requireNonNullElse(description, ""));
  }

  private Network network(Fields f) {
    String name = f.requiredText("name");
    Long formation = f.requiredWholeNumber("formation");
    String type = f.requiredText("type");
    String headquarters = f.requiredText("headquarters");
    String region = f.requiredText("region");
    List<String> languages = values(f.texts("languages"));
    List<Leader> leaders = new ArrayList<>();
    for (Fields l : f.mappings("leaders")) {
      String role = l.requiredText("role");
      String person = l.requiredText("name");
      l.finish(List.of("role", "name"));
      if (role != null && person != null) {
        leaders.add(new Leader(role, person));
      }
    }
    List<Fields.Located<String>> founding = f.texts("founding_cities");
    ExecutiveCommittee committee =
        f.mapping("executive_committee")
            .map(
                c -> {
                  Long cities = c.requiredWholeNumber("cities");
                  Long meetings = c.requiredWholeNumber("meetings_per_year");
                  List<String> oversees = values(c.texts("oversees"));
                  String approvedBy = c.text("approved_by");
                  c.finish(List.of("cities", "meetings_per_year", "oversees", "approved_by"));
                  return new ExecutiveCommittee(
                      cities == null ? 0 : cities.intValue(),
                      meetings == null ? 0 : meetings.intValue(),
                      oversees,
                      approvedBy);
                })
            .orElse(null);
    List<String> forums = values(f.texts("forums"));
    List<Activity> activities = new ArrayList<>();
    for (Fields a : f.mappings("activities")) {
      String an = a.requiredText("name");
      String summary = a.requiredText("summary");
      a.finish(List.of("name", "summary"));
      if (an != null && summary != null) {
        activities.add(new Activity(an, summary));
      }
    }
    SourcePos claimsPos = f.pos("claims");
    Claims claims =
        f.mapping("claims")
            .map(
                c -> {
                  Long members = c.wholeNumber("member_cities");
                  Long countries = c.wholeNumber("countries");
                  Long people = c.wholeNumber("people");
                  c.finish(List.of("member_cities", "countries", "people"));
                  return new Claims(
                      members == null ? null : members.intValue(),
                      countries == null ? null : countries.intValue(),
                      people);
                })
            .orElse(new Claims(null, null, null));
    List<String> seeAlso = values(f.texts("see_also"));
    f.finish(NETWORK_FIELDS);
    return new Network(
        Objects.requireNonNullElse(name, ""),
        formation == null ? 0 : formation.intValue(),
        Objects.requireNonNullElse(type, ""),
        Objects.requireNonNullElse(headquarters, ""),
        Objects.requireNonNullElse(region, ""),
        languages,
        List.copyOf(leaders),
        values(founding),
        founding.stream().map(Fields.Located::pos).toList(),
        committee,
        forums,
        List.copyOf(activities),
        claims,
        claimsPos,
        seeAlso);
  }

  private List<Category> categories(Fields f) {
    List<Category> out = new ArrayList<>();
    List<Fields> items = f.mappings("categories");
    f.finish(List.of("categories"));
    if (items.isEmpty() && !f.has("categories")) {
      return out;
    }
    for (Fields c : items) {
      String id = c.requiredText("id");
      String name = c.requiredText("name");
      String summary = c.requiredText("summary");
      Long min = c.wholeNumber("population_min");
      Long above = c.wholeNumber("population_above");
      PopulationRule population = null;
      if (min != null && above != null) {
        c.error(
            "population_above",
            "give either population_min or population_above, not both",
            "population_min: N means N or more; population_above: N means more than N");
      } else if (min != null) {
        population = new PopulationRule(min, true);
      } else if (above != null) {
        population = new PopulationRule(above, false);
      }
      String euText = c.requiredText("eu");
      EuRule eu = null;
      if (euText != null) {
        for (EuRule r : EuRule.values()) {
          if (r.id().equals(euText)) {
            eu = r;
          }
        }
        if (eu == null) {
          c.error(
              "eu",
              "field 'eu' must be one of required, outside, any, not '" + euText + "'",
              "required: inside the EU; outside: outside the EU; any: either");
        }
      }
      boolean listsCities = !c.has("lists_cities") || c.flag("lists_cities");
      c.finish(CATEGORY_FIELDS);
      if (id != null && name != null && summary != null && eu != null) {
        out.add(new Category(id, name, summary, population, eu, listsCities, c.pos()));
      }
    }
    return List.copyOf(out);
  }

  private Optional<City> city(String file, Path path) {
    String slug = stem(file);
    return readYaml(file, path)
        .map(
            f -> {
              Map<String, SourcePos> positions = new LinkedHashMap<>();
              positions.put("", SourcePos.start(file));
              String name = f.requiredText("name");
              String country = f.requiredText("country");
              String membership = f.requiredText("membership");
              Long population = f.wholeNumber("population");
              Long year = f.wholeNumber("population_year");
              boolean founding = f.flag("founding_member");
              String localName = f.text("local_name");
              String localLang = f.text("local_name_lang");
              String ruleException = f.text("rule_exception");
              f.finish(CITY_FIELDS);
              for (String k : CITY_FIELDS) {
                if (f.has(k)) {
                  positions.put(k, f.pos(k));
                }
              }
              if (name == null || country == null || membership == null) {
                return null;
              }
              return new City(
                  slug,
                  name,
                  country,
                  membership,
                  population,
                  year == null ? null : year.intValue(),
                  founding,
                  localName,
                  localLang,
                  ruleException,
                  Collections.unmodifiableMap(positions));
            });
  }

  private Optional<TextPage> page(String file) {
    return TextFile.read(path(file), file, diagnostics)
        .flatMap(text -> FrontMatter.split(text, file, diagnostics))
        .flatMap(
            fm ->
                YamlTree.parseMapping(fm.yaml(), file, diagnostics)
                    .map(m -> new Fields(m, file, "", diagnostics))
                    .map(
                        f -> {
                          String title = f.requiredText("title");
                          Long order = f.wholeNumber("order");
                          String description = f.text("description");
                          f.finish(PAGE_FIELDS);
                          boolean renderable = MarkdownDepth.check(fm.body(), fm.bodyLine(), file, diagnostics);
                          if (title == null || !renderable) {
                            return null;
                          }
                          return new TextPage(
                              stem(file),
                              title,
                              order == null ? 100 : order.intValue(),
                              description,
                              fm.body(),
                              fm.bodyLine(),
                              SourcePos.start(file));
                        }));
  }

  // ------------------------------------------------------------------ files

  private Optional<Fields> readYaml(String file) {
    Path path = source.resolve(file);
    if (Files.notExists(path, LinkOption.NOFOLLOW_LINKS)) { // a broken link is reported when it is read
      diagnostics.error(SourcePos.start(file), "file is missing", "every site needs " + file);
      return Optional.empty();
    }
    warnIfOutside(path, file);
    return readYaml(file, path);
  }

  private Optional<Fields> readYaml(String file, Path path) {
    return TextFile.read(path, file, diagnostics)
        .flatMap(text -> YamlTree.parseMapping(text, file, diagnostics))
        .map((MappingNode m) -> new Fields(m, file, "", diagnostics));
  }

  /** Files in a content folder, as source-relative paths in name order; only those ending in {@code ext} if given. */
  private List<String> list(String folder, String ext) {
    return files(folder).keySet().stream()
        .filter(n -> ext == null || (n.endsWith(ext) && !isEditorLeftover(n)))
        .map(n -> folder + "/" + n)
        .toList();
  }

  /** Where the file that {@link #list} named {@code file} is on disk. */
  private Path path(String file) {
    int slash = file.lastIndexOf('/');
    Path listed = files(file.substring(0, slash)).get(file.substring(slash + 1));
    return listed != null ? listed : source.resolve(file);
  }

  /**
   * Everything in {@code folder} but folders (after following links), by name, each with its path on disk: regular
   * files, links that lead to no folder (a link to a file that does not exist, a loop of links: reading one gives an
   * error instead of the file being left out without a word) and special files such as named pipes (refused by
   * {@link TextFile#read} without being opened). Names are the names' bytes read as UTF-8 in any locale, in NFC;
   * a name that is not UTF-8, and a second file whose name differs from another's only in its Unicode form (a
   * decomposed "Zürich" next to a composed one), are errors and left out. A link that leads outside the source
   * folder gets a warning. The folder is read once per load.
   */
  private SortedMap<String, Path> files(String folder) {
    return listings.computeIfAbsent(folder, f -> {
      Path dir = source.resolve(f);
      SortedMap<String, Path> found = new TreeMap<>();
      if (!Files.isDirectory(dir)) {
        return found;
      }
      warnIfOutside(dir, f);
      Map<String, String> spellings = new HashMap<>();
      try (Stream<Path> s = Files.list(dir)) {
        for (Path p : s.sorted().toList()) {
          boolean link;
          try {
            // one lstat for a plain file; a link is followed only when there is one
            BasicFileAttributes attributes =
                Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            link = attributes.isSymbolicLink();
            if (attributes.isDirectory() || link && Files.isDirectory(p)) {
              continue; // reported by strays()
            }
          } catch (IOException e) {
            continue; // removed since the folder was listed
          }
          Optional<String> name = FileNames.of(p);
          if (name.isEmpty()) {
            diagnostics.error(SourcePos.start(f + "/" + FileNames.shown(p)),
                "the file name is not UTF-8 text, so it cannot be read as a name",
                "rename the file, using lower-case ASCII letters, digits and hyphens");
          } else if (add(found, spellings, f, p, name.get()) && link && !isEditorLeftover(name.get())) {
            warnIfOutside(p, f + "/" + TextFile.nfc(name.get()));
          }
        }
        return found;
      } catch (IOException e) {
        diagnostics.error(SourcePos.start(f), "cannot list folder: " + e.getMessage(),
            "check that the folder can be read");
        return found;
      }
    });
  }

  /**
   * Adds the file {@code path}, named {@code name} as its bytes spell it, to {@code found} under the name in NFC.
   * When another file has that NFC name already, the one spelt in NFC is kept, as every other tool expects, and an
   * error names both spellings.
   *
   * @param spellings the name each entry of {@code found} is spelt with on disk
   * @return true when {@code path} was added
   */
  private boolean add(Map<String, Path> found, Map<String, String> spellings, String folder, Path path, String name) {
    String nfc = TextFile.nfc(name);
    String earlier = spellings.putIfAbsent(nfc, name);
    if (earlier == null) {
      found.put(nfc, path);
      return true;
    }
    boolean replace = name.equals(nfc) && !earlier.equals(nfc);
    String kept = replace ? name : earlier;
    String other = replace ? earlier : name;
    if (replace) {
      found.put(nfc, path);
      spellings.put(nfc, name);
    }
    diagnostics.error(SourcePos.start(folder + "/" + nfc),
        "two files have this name, spelt in two Unicode forms: '" + FileNames.spelt(kept) + "'"
            + (kept.equals(nfc) ? " (composed)" : "") + " and '" + FileNames.spelt(other) + "'"
            + (other.equals(Normalizer.normalize(other, Normalizer.Form.NFD)) ? " (decomposed, as macOS writes names)"
                : "")
            + "; only the first is read",
        "keep one of them: delete the other, or merge what differs into the one you keep");
    return replace;
  }

  /**
   * Warns when {@code path} is a link that leads outside the source folder (and outside {@code content/}, which may
   * itself be a link to the content kept elsewhere): what it leads to is published with the site, which should not
   * happen without a word. A link that leads nowhere is reported when it is read.
   */
  private void warnIfOutside(Path path, String display) {
    if (!Files.isSymbolicLink(path)) {
      return;
    }
    try {
      Path real = path.toRealPath();
      if (inside == null) {
        inside = List.of(source.toRealPath(), source.resolve("content").toRealPath());
      }
      boolean folder = Files.isDirectory(real);
      if ((folder || Files.isRegularFile(real)) && inside.stream().noneMatch(real::startsWith)) {
        diagnostics.warning(SourcePos.start(display),
            "the " + (folder ? "folder" : "file") + " is a link to '" + Files.readSymbolicLink(path)
                + "', outside the source folder; " + (folder ? "its files are" : "it is") + " published with the site",
            "copy what it links to into the source folder, or remove the link if it should not be published");
      }
    } catch (IOException e) {
      // a link that leads nowhere: reading it reports that
    }
  }

  /** Editor swap, backup and lock files, and hidden files, which are never content. */
  public static boolean isEditorLeftover(String name) {
    String base = name.substring(name.lastIndexOf('/') + 1);
    return base.startsWith(".") // hidden; also vim's .x.swp, emacs's .#x lock, gedit's .goutputstream-*
        || base.startsWith("#") // emacs auto-save, #x#
        || base.endsWith("~")
        || base.endsWith(".swp")
        || base.endsWith(".swx")
        || base.endsWith(".swo")
        || base.endsWith(".kate-swp")
        || base.endsWith(".tmp")
        || base.endsWith("___jb_tmp___") // JetBrains safe write
        || base.endsWith("___jb_old___")
        || base.equals("4913"); // vim's probe for a writable folder
  }

  private static String stem(String file) {
    String base = file.substring(file.lastIndexOf('/') + 1);
    int dot = base.lastIndexOf('.');
    return dot < 0 ? base : base.substring(0, dot);
  }

  private static List<String> values(List<Fields.Located<String>> located) {
    return located.stream().map(Fields.Located::value).toList();
  }

  private static Site defaultSite() {
    return new Site("Eurocities", URI.create("https://example.org/"), "en", "");
  }

  private static Network emptyNetwork() {
    return new Network(
        "", 0, "", "", "", List.of(), List.of(), List.of(), List.of(), null, List.of(), List.of(),
        new Claims(null, null, null), SourcePos.start("content/network.yaml"), List.of());
  }
}
