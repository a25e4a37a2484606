#!/usr/bin/env python3
"""The shared harness's gen.py, adapted to this project's content format.

    bench/gen_ours.py --cities real|N --out DIR      (same arguments as gen.py)
    bench/gen_ours.py --ours-only N DIR MARKER       rewrite only DIR/ours, then write DIR/MARKER

gen.py writes a city's `local_name` without `local_name_lang`; this project requires the language of a
local name (it becomes the `lang` attribute around it), so every record with a local name gets
`local_name_lang: de` here (the synthetic local names are all "Synthstadt N"; the real cities have none).
Everything else, including the Hugo, Eleventy and Jekyll sites, is written by gen.py unchanged.
gen.py is found through $BENCH_HOME (default /work/shared/bench).
"""
import importlib.util
import os
import sys
from pathlib import Path

BENCH_HOME = Path(os.environ.get("BENCH_HOME", "/work/shared/bench"))
spec = importlib.util.spec_from_file_location("gen", BENCH_HOME / "gen.py")
gen = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gen)

LOCAL_NAME_LANG = "de"


def write_ours(root, cities, net, pages):
    c = root / "ours" / "content"
    gen.write(c / "site.yaml", gen.yaml_dump(gen.SITE) + "\n")
    gen.write(c / "network.yaml", gen.yaml_dump(net) + "\n")
    gen.write(c / "membership.yaml", gen.yaml_dump(gen.MEMBERSHIP) + "\n")
    for city in cities:
        record = gen.city_record(city)
        if "local_name" in record:
            record["local_name_lang"] = LOCAL_NAME_LANG
        gen.write(c / "cities" / f"{city['slug']}.yaml", gen.yaml_dump(record) + "\n")
    for name, (meta, body) in pages.items():
        gen.write(c / "pages" / f"{name}.md", gen.fm_page(meta, body))


def rewrite_ours(out, n):
    """Rewrites only DIR/ours (gen.main with --only would also delete the other generators' folders)."""
    if n == "real":
        cities, founders = gen.finish(gen.real_cities(), founders=[gen.slugify(x) for x in gen.REAL_FOUNDERS])
    else:
        cities, founders = gen.finish(gen.synthetic_cities(int(n)))
    pages = {p: gen.read_page(p) for p in ("home", "strategy-and-activities", "membership")}
    gen.shutil.rmtree(out / "ours", ignore_errors=True)
    write_ours(out, cities, gen.network(founders), pages)


gen.write_ours = write_ours

if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--ours-only":  # --ours-only N DIR marker
        rewrite_ours(Path(sys.argv[3]), sys.argv[2])
        Path(sys.argv[3], sys.argv[4]).write_text("local_name_lang added\n")
        sys.exit(0)
    sys.exit(gen.main())
