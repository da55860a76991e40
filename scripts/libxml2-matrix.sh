#!/usr/bin/env bash
# Usage: scripts/libxml2-matrix.sh [VERSION] [--tests] [--no-compare]
#
# Builds Scour against another libxml2 release and checks it, without touching the
# system: libxml2's source comes from Debian's archive (sid, trixie and experimental,
# looked up through a throwaway apt configuration under $SCOUR_LIBXML2_WORK, default
# /tmp/scour-libxml2; apt checks the files against the archive's signed hashes), is
# built into .build/libxml2-UPSTREAM/prefix, and Scour is built against it (release,
# its own scratch path, libxml2 found through an rpath, so no LD_LIBRARY_PATH).
#
# VERSION: a Debian source version of libxml2 those suites list (apt-cache showsrc
# libxml2 prints them), or "sid" (the default) for sid's.
# Then, unless --no-compare: both binaries (this one and the default .build/release/scour,
# built against the machine's libxml2 when missing) run over the four bench sets with
# evidence on, and the outputs are compared line by line (sets: $SCOUR_BENCH, default
# ../shared/bench beside the checkout).
# --tests: also builds the debug products against it and runs `swift test` there.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

version=sid tests=0 compare=1
for arg in "$@"; do
  case $arg in
    --tests) tests=1 ;;
    --no-compare) compare=0 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) version=$arg ;;
  esac
done

work=${SCOUR_LIBXML2_WORK:-/tmp/scour-libxml2}
mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/src"
cat > "$work/sources.list" <<'EOF'
deb-src http://deb.debian.org/debian sid main
deb-src http://deb.debian.org/debian trixie main
deb-src http://deb.debian.org/debian experimental main
EOF
apt_options=(-o "Dir::Etc::sourcelist=$work/sources.list" -o Dir::Etc::sourceparts=/dev/null
             -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache" -o APT::Get::List-Cleanup=0)
if [ -z "$(ls "$work/lists" | grep -m1 Sources || true)" ]; then
  apt-get "${apt_options[@]}" update >&2
fi
if [ "$version" = sid ]; then
  version=$(apt-cache "${apt_options[@]}" showsrc libxml2 | awk '/^Version:/ {print $2}' | sort -V | tail -1)
fi
echo "libxml2 Debian source version $version" >&2

# Debian's orig tarball is upstream's release (minus non-free files): "2.15.4+dfsg" → 2.15.4.
upstream=${version%%+*}; upstream=${upstream%%-*}
case $version in *really*) echo "scour: $version is a repackaged ${version##*really} (really-version), pick another" >&2; exit 2 ;; esac
out="$root/.build/libxml2-$upstream"
prefix="$out/prefix"
mkdir -p "$out"

if [ ! -f "$prefix/lib/pkgconfig/libxml-2.0.pc" ]; then
  (cd "$work/src" && apt-get "${apt_options[@]}" source --download-only "libxml2=$version" >&2)
  tarball=$(ls "$work/src"/libxml2_"${version%-*}".orig.tar.* | head -1)
  rm -rf "$out/src" && mkdir -p "$out/src"
  tar -xf "$tarball" -C "$out/src" --strip-components=1
  # Only what Scour uses: no Python, ICU, readline or compression; shared only.
  (cd "$out/src" && ./configure --prefix="$prefix" --without-python --without-icu --without-lzma \
      --without-zlib --without-readline --disable-static CFLAGS=-O2 >"$out/configure.log" 2>&1 \
    && make -j"$(nproc)" >"$out/make.log" 2>&1 && make install >"$out/install.log" 2>&1) \
    || { echo "scour: building libxml2 $upstream failed, see $out/*.log" >&2; exit 1; }
fi

# The scratch path starts with the dependencies already checked out in .build, so no
# network is needed (GitHub is out of reach here).
if [ ! -d "$out/swiftpm/checkouts" ] && [ -d .build/checkouts ]; then
  mkdir -p "$out/swiftpm"
  cp -a .build/checkouts .build/repositories .build/workspace-state.json "$out/swiftpm/"
fi
# SwiftPM reads .pc files itself and keeps their -L/usr/lib/<triple>; the linker searches
# every -L in command-line order, and the other system libraries' flags come before
# libxml2's, so -lxml2 would find the system library. Stand-in .pc files for those
# libraries carry pkg-config's own answer (system folders left out), so the built
# prefix is the only -L and comes first.
standins="$out/pkgconfig"
mkdir -p "$standins"
for module in zlib sqlite3 libcurl libcrypto; do
  printf 'Name: %s\nDescription: stand-in for the system %s\nVersion: %s\nCflags: %s\nLibs: %s\n' \
    "$module" "$module" "$(pkg-config --modversion $module)" "$(pkg-config --cflags $module)" \
    "$(pkg-config --libs $module)" > "$standins/$module.pc"
done
cp "$prefix/lib/pkgconfig/libxml-2.0.pc" "$standins/"
build_against() { # configuration, extra swift build arguments...
  local configuration=$1; shift
  PKG_CONFIG_PATH="$standins" swift build -c "$configuration" --scratch-path "$out/swiftpm" -Xlinker -rpath -Xlinker "$prefix/lib" "$@"
}
build_against release --product scour >&2
binary="$out/swiftpm/release/scour"
linked=$(ldd "$binary" | awk '/libxml2/ {print $3}')
echo "scour against libxml2 $upstream: $binary (loads $linked)" >&2
case $linked in "$prefix"/*) ;; *) echo "scour: the binary loads $linked, not $prefix's" >&2; exit 1 ;; esac

if [ $compare = 1 ]; then
  bench=${SCOUR_BENCH:-$root/../shared/bench}
  # A git worktree elsewhere finds the sets beside the main checkout.
  [ -d "$bench" ] || bench=$(cd "$(git rev-parse --git-common-dir)/.." && pwd)/../shared/bench
  [ -d "$bench" ] || { echo "scour: no bench sets at $bench (set SCOUR_BENCH)" >&2; exit 1; }
  [ -x .build/release/scour ] || swift build -c release --product scour >&2
  run_sets() { # binary, output folder: the four bench sets, evidence on, one worker
    local bin=$1 dest=$2
    mkdir -p "$dest"
    for set in aeb-dev aeb-text-dev traf-dev dates-dev; do
      local input=$bench/$set/html
      [ -d "$bench/$set/text" ] && input=$bench/$set/text
      printf '{"version":1,"inputs":[],"output":{"path":"%s/%s.jsonl","rejects":"%s/%s.rejects.jsonl","evidence":true},"stages":[{"stage":"read","enabled":true,"max_bytes":67108864,"text_lines":"auto"},{"stage":"normalize","enabled":true,"strip_markdown":true,"join_broken_paragraphs":true},{"stage":"metadata","enabled":true},{"stage":"boilerplate","enabled":true},{"stage":"dedupe","enabled":true,"min_chars":8}]}' \
        "$dest" $set "$dest" $set > "$dest/$set.pipeline.json"
      "$bin" run --config "$dest/$set.pipeline.json" --input $input --jobs 1 >/dev/null 2>&1 || true
    done
  }
  run_sets .build/release/scour "$out/compare/system"
  run_sets "$binary" "$out/compare/$upstream"
  echo "set: records (system libxml2 $(pkg-config --modversion libxml-2.0) / $upstream), lines that differ" 
  for set in aeb-dev aeb-text-dev traf-dev dates-dev; do
    for kind in jsonl rejects.jsonl; do
      a="$out/compare/system/$set.$kind" b="$out/compare/$upstream/$set.$kind"
      echo "$set.$kind: $(wc -l < "$a") / $(wc -l < "$b"), $(diff "$a" "$b" | grep -c '^>' || true) differ"
    done
  done
fi

if [ $tests = 1 ]; then
  build_against debug >&2
  PKG_CONFIG_PATH="$standins" swift test --scratch-path "$out/swiftpm" -Xlinker -rpath -Xlinker "$prefix/lib"
fi
