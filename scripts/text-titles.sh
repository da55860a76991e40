#!/usr/bin/env bash
# How often the title Scour finds in a text dump equals the one it finds in the same page's HTML
# (aeb-dev and aeb-text-dev hold the same 91 pages): a proxy for text-dump title accuracy, which
# no set labels. Equal means the same letters and digits, or one containing the other when both
# are over 15 of them. Prints the share whole and per half (FNV-1a of the page id, mod 2).
#
#   scripts/text-titles.sh [BENCH_ROOT]     (default ../shared/bench; SCOUR=path overrides the binary)
set -euo pipefail
cd "$(dirname "$0")/.."
root="${1:-../shared/bench}"
scour="${SCOUR:-$PWD/.build/release/scour}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for set in aeb-dev aeb-text-dev; do
  dir="$root/$set/html"; [ -d "$dir" ] || dir="$root/$set/text"
  printf '{"version":1,"inputs":["%s"],"output":{"path":"%s/%s.jsonl","rejects":"%s/%s.rejects.jsonl"}}\n' \
    "$(cd "$dir" && pwd)" "$work" "$set" "$work" "$set" > "$work/$set.json"
  "$scour" run --config "$work/$set.json" --full --jobs 2 > /dev/null 2>&1
done
python3 - "$work" <<'PY'
import json, os, re, sys
work = sys.argv[1]
def key(title): return re.sub(r'\W+', '', (title or '').casefold())
def half(page_id):
    h = 0xcbf29ce484222325
    for b in page_id.encode(): h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h % 2
def page(source):
    name = os.path.basename(source)
    for ext in ('.html.gz', '.txt'):
        if name.endswith(ext): return name[:-len(ext)]
    return name
html = {page(j['source']): j.get('title') for j in map(json.loads, open(f'{work}/aeb-dev.jsonl'))}
total, same = [0, 0], [0, 0]
for j in map(json.loads, open(f'{work}/aeb-text-dev.jsonl')):
    pid = page(j['source']); h = half(pid)
    a, b = key(j.get('title')), key(html.get(pid))
    total[h] += 1
    same[h] += a == b or (len(a) > 15 and len(b) > 15 and (a in b or b in a))
print('text-dump title = HTML title: whole %.3f (%d pages), half A %.3f, half B %.3f'
      % (sum(same) / sum(total), sum(total), same[0] / total[0], same[1] / total[1]))
PY
