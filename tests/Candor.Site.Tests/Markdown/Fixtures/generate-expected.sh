#!/bin/sh
# Regenerates every *.html next to its *.md by running the fixture through real Jekyll 4.3 (kramdown,
# GFM input, Rouge) with an empty _config.yml. Needs jekyll on PATH; the tests themselves do not.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src"
: > "$work/src/_config.yml"
for md in "$here"/*.md; do
  name=$(basename "$md" .md)
  { printf -- '---\n---\n'; cat "$md"; } > "$work/src/$name.md"
done
JEKYLL_NO_BUNDLER_REQUIRE=true jekyll build -q -s "$work/src" -d "$work/out"
for md in "$here"/*.md; do
  name=$(basename "$md" .md)
  cp "$work/out/$name.html" "$here/$name.html"
done

# toc-ordered.md once more with a restricted toc_levels (see KramdownFixtureTests.TocHonoursTocLevels).
mkdir -p "$work/levels"
printf 'kramdown:\n  toc_levels: 2..3\n' > "$work/levels/_config.yml"
{ printf -- '---\n---\n'; cat "$here/toc-ordered.md"; } > "$work/levels/toc-ordered.md"
JEKYLL_NO_BUNDLER_REQUIRE=true jekyll build -q -s "$work/levels" -d "$work/levels-out"
cp "$work/levels-out/toc-ordered.html" "$here/toc-ordered-levels-2-3.html"
