#!/usr/bin/env bash
# Accuracy probe for dates and authors: how well Scour reads pages whose machine-readable
# metadata is gone. Copies dates-dev (and the pages bench/dates-html labels) into a temporary
# folder with every JSON-LD block, every <meta> whose key names a date or time, every datetime
# attribute and every itemprop="date…" removed, and traf-dev with every JSON-LD block, author
# <meta>, rel=author and itemprop="author" removed; then runs `scour bench` on the copies: what
# is left is what the page shows its readers. Prints the bench rows (whole set and both halves;
# for traf-dev the last column before the speed is the author figure).
#
#   scripts/probe-no-meta.sh [BENCH_ROOT]     (default ../shared/bench; SCOUR=path overrides the binary)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(cd "${1:-../shared/bench}" && pwd)"
scour="${SCOUR:-$PWD/.build/release/scour}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - "$root" "$PWD/bench/dates-html/truth.jsonl" "$work" <<'PY'
import gzip, json, os, re, shutil, sys
root, labels, work = sys.argv[1:4]
def strip(page):
    page = re.sub(rb'<script[^>]*application/ld\+json[^>]*>.*?</script>', b'', page, flags=re.S | re.I)
    page = re.sub(rb'<meta[^>]*(date|time|dc\.)[^>]*>', b'', page, flags=re.I)
    page = re.sub(rb'\bdatetime="[^"]*"', b'', page, flags=re.I)
    return re.sub(rb'itemprop="date[A-Za-z]*"', b'', page, flags=re.I)
def strip_authors(page):
    page = re.sub(rb'<script[^>]*application/ld\+json[^>]*>.*?</script>', b'', page, flags=re.S | re.I)
    page = re.sub(rb'<meta[^>]*(author|creator|byl)[^>]*>', b'', page, flags=re.I)
    page = re.sub(rb'\brel="?author"?', b'', page, flags=re.I)
    return re.sub(rb'itemprop="(author|creator)"', b'', page, flags=re.I)
def copy(source, folder, name, rewrite=strip):
    raw = gzip.open(source).read() if source.endswith('.gz') else open(source, 'rb').read()
    with gzip.open(os.path.join(folder, name if name.endswith('.gz') else name + '.gz'), 'wb') as out:
        out.write(rewrite(raw))
dev = os.path.join(work, 'dates-dev')
os.makedirs(dev + '/html')
shutil.copy(os.path.join(root, 'dates-dev/truth.jsonl'), dev)
for name in os.listdir(os.path.join(root, 'dates-dev/html')):
    copy(os.path.join(root, 'dates-dev/html', name), dev + '/html', name)
authors = os.path.join(work, 'traf-dev')
os.makedirs(authors + '/html')
shutil.copy(os.path.join(root, 'traf-dev/truth.jsonl'), authors)
for name in os.listdir(os.path.join(root, 'traf-dev/html')):
    copy(os.path.join(root, 'traf-dev/html', name), authors + '/html', name, strip_authors)
# bench/dates-html names pages of the shared sets; only its sure labels are scored, as `scour bench` does.
html = os.path.join(work, 'dates-html')
os.makedirs(html + '/html')
with open(html + '/truth.jsonl', 'w') as truth:
    for line in open(labels):
        label = json.loads(line)
        if not label.get('sure', True):
            continue
        base = os.path.join(root, label['set'], 'html', label['id'])
        source = next((path for path in (base, base + '.gz', base + '.html.gz') if os.path.exists(path)), None)
        if source is None:
            continue
        copy(source, html + '/html', os.path.basename(source))
        truth.write(json.dumps({'id': label['id'], 'url': label.get('url'), 'date': label['date']}) + '\n')
PY
"$scour" bench "$work/dates-dev" "$work/dates-html" "$work/traf-dev" 2>&1 | grep -E '^(set|dates|traf|  half)'
