#!/usr/bin/env python3
"""Prints the results of bench/run.sh as the Markdown table of BENCHMARKS.md.

    python3 bench/table.py [bench/.work/results/summary.tsv]

One row per generator and set (a set is one N, or one LABEL such as 10000-tmpfs), in the order bench/run.sh ran
them; the last two columns give each generator's median wall time and CPU time divided by Hugo's in the same set.
A set that was run more than once is shown from its latest run.
"""
import csv
import sys

path = sys.argv[1] if len(sys.argv) > 1 else "bench/.work/results/summary.tsv"
with open(path, newline="") as f:
    rows = list(csv.DictReader(f, delimiter="\t"))

latest = {}
for row in rows:
    latest[(row["N"], row["generator"])] = row
sets = []
for row in rows:
    if row["N"] not in sets:
        sets.append(row["N"])

print("| N (cities) | output on | generator | median wall s | min–max s | CPU s | peak RSS MiB | HTML pages "
      "| MB written | ÷ Hugo, wall | ÷ Hugo, CPU |")
print("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for label in sets:
    gens = [g for (n, g) in latest if n == label]
    hugo = latest.get((label, "hugo"))
    for gen in gens:
        r = latest[(label, gen)]
        cities = int(r["cities"])
        where = "tmpfs" if label.endswith("-tmpfs") else "disk"
        name = f"{cities:,}" + (" (real)" if label == "real" else "")
        wall = float(r["median_s"])
        cpu = float(r["cpu_s"])
        ratio_wall = ratio_cpu = ""
        if hugo is not None and gen != "hugo":
            ratio_wall = f"**{wall / float(hugo['median_s']):.2f}**"
            ratio_cpu = f"{cpu / float(hugo['cpu_s']):.2f}"
        print(f"| {name} | {where} | {gen} | {wall:.3f} | {float(r['min_s']):.3f}–{float(r['max_s']):.3f} "
              f"| {cpu:.2f} | {float(r['peak_rss_mib']):.0f} | {r['html_pages']} "
              f"| {float(r['bytes']) / 1e6:.1f} | {ratio_wall} | {ratio_cpu} |")
