#!/usr/bin/env python3
"""Records one generator's run of bench/run.sh: prints its row and appends it to results/summary.tsv.

    python3 bench/record.py RESULTS LABEL CITIES GENERATOR EXPECTED_PAGES RSS_KB PAGES FILES BYTES

RESULTS/LABEL-GENERATOR.json is hyperfine's export; the rest was measured by run.sh. EXPECTED_PAGES is the number of
HTML pages the peers write (0: no check, for this tool, which writes more).
"""
import json
import sys
import time
from pathlib import Path

COLUMNS = ["when", "N", "cities", "generator", "median_s", "min_s", "max_s", "mean_s", "stddev_s", "runs", "cpu_s",
           "peak_rss_mib", "html_pages", "files", "bytes"]


def main():
    results, label, cities, generator, expected, rss_kb, pages, files, size = sys.argv[1:10]
    run = json.loads((Path(results) / f"{label}-{generator}.json").read_text())["results"][0]
    row = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "N": label, "cities": cities,
        "generator": generator, "median_s": f"{run['median']:.4f}", "min_s": f"{run['min']:.4f}",
        "max_s": f"{run['max']:.4f}", "mean_s": f"{run['mean']:.4f}", "stddev_s": f"{run['stddev'] or 0:.4f}",
        "runs": str(len(run["times"])), "cpu_s": f"{(run.get('user') or 0) + (run.get('system') or 0):.3f}",
        "peak_rss_mib": f"{int(rss_kb) / 1024:.1f}", "html_pages": pages, "files": files, "bytes": size,
    }
    summary = Path(results) / "summary.tsv"
    new = not summary.exists()
    with summary.open("a") as f:
        if new:
            f.write("\t".join(COLUMNS) + "\n")
        f.write("\t".join(row[c] for c in COLUMNS) + "\n")
    note = "" if int(expected) in (0, int(pages)) else f"   (expected {expected} HTML pages)"
    print(f"{generator:13s} {cities:>7s} cities  median {run['median']:8.3f} s  ({run['min']:.3f}-{run['max']:.3f}, "
          f"{len(run['times'])} runs)  CPU {float(row['cpu_s']):7.2f} s  peak RSS {int(rss_kb) / 1024:6.0f} MiB  "
          f"{pages} HTML pages{note}")
    return 0 if not note else 1


if __name__ == "__main__":
    sys.exit(main())
