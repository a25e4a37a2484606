#!/usr/bin/env python3
"""Writes one Eurocities site as input for this tool and for Hugo, Eleventy and Jekyll.

    python3 bench/sitegen.py real  --out DIR    # the repository's own content/ (the real cities)
    python3 bench/sitegen.py 10000 --out DIR    # 10,000 synthetic cities, the same on every run

Writes DIR/ours/content/ (this tool's input), DIR/hugo/, DIR/eleventy/, DIR/jekyll/ (each a complete site for
that generator, from the templates in bench/peers/) and DIR/manifest.json (the counts the run script checks).

Every site has the same pages: home, member index, membership rules, strategy, 404, one page per city and one per
country, and a sitemap. This tool writes more besides (category pages, search, open data); the peers do not.

The synthetic cities follow the benchmark's data set: city i (1..N) is 'Synthcity i', or every third one a name
with accents followed by '-i'; its country is the i-th (mod 40) of the 27 EU codes in alphabetical order followed
by 13 others; its population is log-uniform between 50,000 and 3,500,000 (seeded), missing on every fourth city,
with a population_year of 2021-2023 and a population_source otherwise; it is a partner under 250,000, else a
full member inside the EU and an associate outside; every tenth has a local name (in German, so that this tool prints no warning); the six
lowest i founded the network. The Markdown pages and the facts of the network and its categories are the real
site's.
"""
import argparse
import json
import math
import random
import re
import shutil
import sys
import unicodedata
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
CONTENT = REPO / "content"
PEERS = BENCH / "peers"
COUNTRIES_TSV = REPO / "src/main/resources/eu/eurocities/site/load/countries.tsv"

ACCENTED = ["Łódź", "Zürich", "Malmö", "Gdańsk", "Constanța", "İzmir", "Kadıköy", "Reykjavík", "Timișoara",
            "Saint-Étienne", "Klaipėda", "Großenhain", "Málaga", "Beyoğlu", "Düsseldorf", "Guimarães"]
OUTSIDE_EU = ["NO", "IS", "CH", "GB", "TR", "UA", "RS", "BA", "MK", "AL", "GE", "AM", "MD"]
SEED = 20240601


def countries():
    """Code -> (English name, in the EU): names from the tool's own list, the EU from the group eu of the real
    content/membership.yaml (the list holds names only; the EU is data of the network)."""
    membership = (REPO / "content/membership.yaml").read_text(encoding="utf-8")
    group = membership.split("- id: eu\n", 1)[1]
    eu = set(re.search(r"countries: \[([A-Z, ]+)\]", group).group(1).replace(" ", "").split(","))
    table = {}
    for line in COUNTRIES_TSV.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, name = line.split("\t")[:2]  # a third column may give the article ("the")
            table[code] = (name, code in eu)
    return table


def slug(name):
    """ASCII, lower case, words joined by '-': the rule the tool uses for file names."""
    folded = name.replace("ł", "l").replace("Ł", "L").replace("ı", "i").replace("ß", "ss")
    ascii_text = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


# ---------------------------------------------------------------- the cities
def synthetic(n, table):
    eu_codes = sorted(code for code, (_, eu) in table.items() if eu)
    cycle = eu_codes + OUTSIDE_EU
    rng = random.Random(SEED)
    low, high = math.log(50_000), math.log(3_500_000)
    cities = []
    for i in range(1, n + 1):
        name = f"{ACCENTED[(i // 3) % len(ACCENTED)]}-{i}" if i % 3 == 0 else f"Synthcity {i}"
        country = cycle[i % len(cycle)]
        population = int(math.exp(rng.uniform(low, high)))
        if population < 250_000:
            membership = "partner"
        else:
            membership = "full" if table[country][1] else "associate"
        city = {"name": name, "country": country, "membership": membership}
        if i % 4 != 0:
            city["population"] = population
            city["population_year"] = 2021 + i % 3
            city["population_source"] = "Benchmark data set"
        if i <= 6:
            city["founding_member"] = True
        if i % 10 == 0:
            city["local_name"] = f"Synthstadt {i}"
            city["local_name_lang"] = "de"
        city["slug"] = slug(name)
        cities.append(city)
    return sorted(cities, key=lambda c: c["slug"].encode())


def scalar(text):
    """The value of a flat 'key: value' line of a city record, typed as the tool reads it."""
    text = text.split(" #")[0].strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return json.loads(text) if text[0] == '"' else text[1:-1].replace("''", "'")
    if re.fullmatch(r"\d+", text):
        return int(text)
    if text in ("true", "false"):
        return text == "true"
    return text


def real():
    """The repository's city records (flat 'key: value' files)."""
    cities = []
    for path in sorted((CONTENT / "cities").glob("*.yaml")):
        city = {"slug": path.stem}
        for line in path.read_text(encoding="utf-8").splitlines():
            m = re.match(r"^([a-z_]+):\s*(.*)$", line)
            if m:
                city[m.group(1)] = scalar(m.group(2))
        cities.append(city)
    return sorted(cities, key=lambda c: c["slug"].encode())


# ---------------------------------------------------------------- writing
def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


def quoted(value):
    """A YAML value that every YAML reader takes as written (JSON strings are YAML double-quoted strings)."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else json.dumps(value)


def front_matter(fields, body=""):
    return "---\n" + "".join(f"{k}: {quoted(v)}\n" for k, v in fields.items()) + "---\n" + body


RECORD_FIELDS = ("name", "country", "membership", "population", "population_source", "population_year",
                 "founding_member", "local_name", "local_name_lang")


def record(city):
    return {k: city[k] for k in RECORD_FIELDS if k in city}


def pages():
    """The real site's Markdown pages: name -> (title, description, body); links to other pages made absolute."""
    result = {}
    for path in sorted((CONTENT / "pages").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        head, body = text[4:].split("\n---\n", 1)
        fields = {k.strip(): scalar(v) for k, v in (line.split(":", 1) for line in head.splitlines())}
        body = re.sub(r"\]\(([a-z0-9-]+)\.md(#[^)]*)?\)", lambda m: f"](/{m.group(1)}/{m.group(2) or ''})", body)
        result[path.stem] = (fields["title"], fields.get("description", ""), body.lstrip("\n"))
    return result


def network_yaml(founders):
    """The real network.yaml with the founders of this site and without the claims (they count real cities)."""
    out, skipping = [], False
    for line in (CONTENT / "network.yaml").read_text(encoding="utf-8").splitlines():
        if re.match(r"^[a-z_]+:", line):
            skipping = line.startswith("claims:")
        if skipping:
            continue
        if line.startswith("founding_cities:"):
            line = "founding_cities: [" + ", ".join(founders) + "]"
        out.append(line)
    return "\n".join(out) + "\n"


def block(text, key):
    """The indented lines under a top-level key of a YAML file."""
    lines = []
    for line in text.split(f"\n{key}:\n", 1)[1].splitlines():
        if not line.startswith(" "):
            break
        lines.append(line)
    return "\n".join(lines)


def network_facts(founders):
    text = (CONTENT / "network.yaml").read_text(encoding="utf-8")
    facts = {k: scalar(re.search(rf"^{k}:\s*(.+)$", text, re.M).group(1))
             for k in ("name", "formation", "type", "headquarters", "region")}
    facts["forums"] = re.findall(r"^  - (.+)$", block(text, "forums"), re.M)
    committee = block(text, "executive_committee")
    facts["committee_cities"] = int(re.search(r"^  cities: (\d+)", committee, re.M).group(1))
    facts["meetings_per_year"] = int(re.search(r"^  meetings_per_year: (\d+)", committee, re.M).group(1))
    facts["founders"] = founders
    return facts


def categories():
    """The categories that list cities: id, name, summary, minimum population, EU rule."""
    text = (CONTENT / "membership.yaml").read_text(encoding="utf-8")
    result = []
    for block in text.split("\ncategories:\n", 1)[1].split("\n  - ")[1:]:
        fields = dict(re.findall(r"^\s*([a-z_]+): (.+)$", "id: " + block.split("id: ", 1)[1], re.M))
        if fields.get("lists_cities") == "false":
            continue
        minimum = fields.get("population_min") or fields.get("population_above") or ""
        result.append({"id": fields["id"], "name": scalar(fields["name"]), "summary": scalar(fields["summary"]),
                       "population_min": minimum,
                       # the peers' templates know the EU rule as it was written before country groups
                       "eu": {"inside": "required", "outside": "outside"}.get(
                           next((k for k in ("inside", "outside") if fields.get(k) == "eu"), ""), "")})
    return result


def write_ours(out, cities, founders, synthetic_site):
    content = out / "ours" / "content"
    if not synthetic_site:
        shutil.copytree(CONTENT, content)
        return
    content.mkdir(parents=True)
    for name in ("site.yaml", "membership.yaml"):
        shutil.copy(CONTENT / name, content / name)
    shutil.copytree(CONTENT / "pages", content / "pages")
    shutil.copytree(CONTENT / "schemas", content / "schemas")
    write(content / "network.yaml", network_yaml(founders))
    for city in cities:
        write(content / "cities" / f"{city['slug']}.yaml",
              "".join(f"{k}: {quoted(v)}\n" for k, v in record(city).items()))


def site_fields():
    text = (CONTENT / "site.yaml").read_text(encoding="utf-8")
    return {k: scalar(re.search(rf"^{k}:\s*(.+)$", text, re.M).group(1))
            for k in ("title", "base_url", "language", "description")}


def write_peers(out, cities, facts, table):
    site = site_fields()
    texts = pages()
    used = sorted({c["country"] for c in cities})
    names = {code: table[code][0] for code in used}
    cats = categories()
    data = {"site": site, "network": facts, "categories": cats, "countries": names,
            "category_names": {c["id"]: c["name"] for c in cats}}
    front = {"home": ("home", "/"), "membership": ("rules", "/membership/"),
             "strategy-and-activities": ("strategy", "/strategy-and-activities/")}

    # Hugo: one content file per city, countries as a taxonomy
    hugo = out / "hugo"
    shutil.copytree(PEERS / "hugo", hugo)
    (hugo / "static").mkdir()
    shutil.copy(PEERS / "style.css", hugo / "static" / "style.css")
    write(hugo / "hugo.toml", "\n".join([
        f"baseURL = {quoted(site['base_url'])}", f"languageCode = {quoted(site['language'])}",
        f"title = {quoted(site['title'])}", 'disableKinds = ["RSS", "section", "taxonomy"]',
        "disableHugoGeneratorInject = true", 'ignoreErrors = ["error-disable-taxonomy"]',
        "[taxonomies]", '  country = "countries"', ""]))
    write(hugo / "data" / "bench.json", json.dumps(data, ensure_ascii=False))
    for name, (title, description, body) in texts.items():
        layout, _ = front[name]
        target = "_index.md" if name == "home" else f"{name}.md"
        write(hugo / "content" / target, front_matter({"title": title, "description": description,
                                                       "layout": layout}, body))
    write(hugo / "content" / "members.md", front_matter({"title": "Members", "layout": "members"}))
    for city in cities:
        fields = {"title": city["name"], **{k: v for k, v in record(city).items() if k != "name"}}
        text = front_matter(fields).replace("---\n", "---\ncountries: [" + quoted(city["country"].lower()) + "]\n", 1)
        write(hugo / "content" / "cities" / f"{city['slug']}.md", text)

    # Eleventy: the cities as one data file, pages made by pagination
    eleventy = out / "eleventy"
    shutil.copytree(PEERS / "eleventy", eleventy)
    shutil.copy(PEERS / "style.css", eleventy / "style.css")
    for key, value in data.items():
        write(eleventy / "_data" / f"{key}.json", json.dumps(value, ensure_ascii=False))
    write(eleventy / "_data" / "cities.json",
          "[\n" + ",\n".join(json.dumps({"slug": c["slug"], **record(c)}, ensure_ascii=False) for c in cities)
          + "\n]\n")
    for name, (title, description, body) in texts.items():
        layout, permalink = front[name]
        target = "index.md" if name == "home" else f"{name}.md"
        write(eleventy / target, front_matter({"title": title, "description": description,
                                              "layout": f"{layout}.njk", "permalink": permalink}, body))

    # Jekyll: collections of cities and of countries (it makes no pages from data without plugins)
    jekyll = out / "jekyll"
    shutil.copytree(PEERS / "jekyll", jekyll)
    shutil.copy(PEERS / "style.css", jekyll / "style.css")
    config = (PEERS / "jekyll" / "_config.yml").read_text(encoding="utf-8")
    write(jekyll / "_config.yml", "".join(f"{k}: {quoted(v)}\n" for k, v in {
        "title": site["title"], "url": site["base_url"].rstrip("/"), "lang": site["language"],
        "description": site["description"]}.items()) + config)
    write(jekyll / "_data" / "bench.json", json.dumps(data, ensure_ascii=False))
    for name, (title, description, body) in texts.items():
        layout, permalink = front[name]
        target = "index.md" if name == "home" else f"{name}.md"
        write(jekyll / target, front_matter({"title": title, "description": description, "layout": layout,
                                             "permalink": permalink}, body))
    for city in cities:
        fields = {"title": city["name"], **{k: v for k, v in record(city).items() if k != "name"}}
        write(jekyll / "_cities" / f"{city['slug']}.md", front_matter(fields))
    for code in used:
        write(jekyll / "_countries" / f"{code.lower()}.md", front_matter({"title": names[code], "code": code}))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("cities", help="'real' or a number of synthetic cities")
    parser.add_argument("--out", required=True, type=Path)
    args = parser.parse_args()
    table = countries()
    if args.cities == "real":
        cities = real()
        founders = [c["slug"] for c in cities if c.get("founding_member")]
    else:
        cities = synthetic(int(args.cities), table)
        founders = sorted((c for c in cities if c.get("founding_member")),
                          key=lambda c: int(c["slug"].rsplit("-", 1)[1]))
        founders = [c["slug"] for c in founders]
    if len({c["slug"] for c in cities}) != len(cities):
        sys.exit("two cities have the same slug")
    if args.out.exists():
        shutil.rmtree(args.out)
    args.out.mkdir(parents=True)
    write_ours(args.out, cities, founders, args.cities != "real")
    write_peers(args.out, cities, network_facts(founders), table)
    used = {c["country"] for c in cities}
    manifest = {"cities": len(cities), "countries": len(used),
                # home, members, rules, strategy, 404, and a page per city and per country
                "peer_html_pages": len(cities) + len(used) + 5}
    write(args.out / "manifest.json", json.dumps(manifest) + "\n")
    print(json.dumps(manifest))


if __name__ == "__main__":
    main()
