"""Alternating timing of `scour run --jobs 1` and resiliparse's main-content extraction.

Called by scripts/resiliparse-speed.sh (which makes the virtualenv). Each round runs both as
whole processes, one after the other, the order flipped every round. resiliparse's side reads
each file, gunzips it when it ends in .gz, detects the encoding, parses and extracts the main
content (`extract_plain_text(main_content=True)`) and writes one JSON line per page, as a run
writes its output. Each side's figure is pages per CPU-second of its process (user + sys, from
the kernel's accounting of the finished child) and pages per wall second; resiliparse's own
extraction loop (files already in memory) is also printed, the most favourable figure for it.
"""
import gzip
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

EXTRACT = r'''
import gzip, json, os, sys, time
from resiliparse.parse.encoding import detect_encoding, bytes_to_str
from resiliparse.parse.html import HTMLTree
from resiliparse.extract.html2text import extract_plain_text

root, out_path = sys.argv[1], sys.argv[2]
pages = []
for folder, _, names in sorted(os.walk(root)):
    for name in sorted(names):
        if name.endswith((".html", ".htm", ".html.gz", ".htm.gz")):
            pages.append(os.path.join(folder, name))
start = time.process_time()
loop = 0.0
with open(out_path, "w", encoding="utf-8") as out:
    for path in pages:
        with open(path, "rb") as handle:
            data = handle.read()
        if path.endswith(".gz"):
            data = gzip.decompress(data)
        begin = time.process_time()
        text = extract_plain_text(HTMLTree.parse_from_bytes(data, detect_encoding(data)), main_content=True)
        loop += time.process_time() - begin
        out.write(json.dumps({"source": path, "text": text}, ensure_ascii=False) + "\n")
print(json.dumps({"pages": len(pages), "extract_cpu": loop}))
'''


def child_cpu(before):
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def timed(command):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=900)
    wall = time.monotonic() - start
    if done.returncode != 0:
        sys.exit(f"{command[0]} failed ({done.returncode}): {done.stderr[-500:]}")
    return wall, child_cpu(before), done


def main():
    scour, root, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
    scratch = tempfile.mkdtemp(prefix="resiliparse-speed-")
    scour_cmd = [scour, "run", "--input", root, "--jobs", "1", "--config", os.path.join(scratch, "none.json"),
                 "--output", os.path.join(scratch, "scour.jsonl"), "--rejects", os.path.join(scratch, "rejects.jsonl")]
    with open(os.path.join(scratch, "none.json"), "w") as handle:
        handle.write("{}")
    resil_cmd = [sys.executable, "-c", EXTRACT, root, os.path.join(scratch, "resiliparse.jsonl")]
    scour_rates, resil_rates, loop_rates, ratios = [], [], [], []
    timed(scour_cmd), timed(resil_cmd)  # warm-up: file cache and imports
    for round_ in range(rounds):
        order = ["scour", "resiliparse"] if round_ % 2 == 0 else ["resiliparse", "scour"]
        figures = {}
        for side in order:
            wall, cpu, done = timed(scour_cmd if side == "scour" else resil_cmd)
            figures[side] = (wall, cpu, done)
        _, _, resil_done = figures["resiliparse"]
        report = json.loads(resil_done.stdout.strip().splitlines()[-1])
        pages = report["pages"]
        scour_rate = pages / figures["scour"][1]
        resil_rate = pages / figures["resiliparse"][1]
        loop_rate = pages / report["extract_cpu"]
        scour_rates.append(scour_rate); resil_rates.append(resil_rate); loop_rates.append(loop_rate)
        ratios.append(scour_rate / loop_rate)
        print(f"round {round_ + 1}: {pages} pages; scour run {scour_rate:.0f} pages/CPU-s "
              f"(wall {pages / figures['scour'][0]:.0f}/s); resiliparse process {resil_rate:.0f} pages/CPU-s, "
              f"its extraction loop {loop_rate:.0f}; scour / resiliparse loop {scour_rate / loop_rate:.2f}, "
              f"/ process {scour_rate / resil_rate:.2f}", flush=True)
    print(f"median: scour run {statistics.median(scour_rates):.0f} pages/CPU-s, resiliparse process "
          f"{statistics.median(resil_rates):.0f}, extraction loop {statistics.median(loop_rates):.0f}; "
          f"scour / resiliparse loop {statistics.median(ratios):.2f} (range {min(ratios):.2f}-{max(ratios):.2f})")


if __name__ == "__main__":
    main()
