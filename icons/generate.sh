#!/usr/bin/env bash
# Generates every icon file from the two SVG sources, with Debian tools only:
#   apt-get install librsvg2-bin icnsutils icoutils      (rsvg-convert, png2icns, icotool)
# Run it after changing an SVG and commit what it writes; the build and CI only use the committed files.
#   png/ntfybar-<N>.png          the app icon on macOS's grid (square with margin), 16 ... 1024 px
#   app.icns                     macOS (16, 32, 48, 128, 256, 512, 1024 px)
#   linux/hicolor/...            the freedesktop icon theme sizes and the scalable SVG, cropped tight to the square
#   app.ico                      Windows (16 ... 256 px, tight), for completeness
#   menubar/ntfybarTemplate.png, ntfybarTemplate@2x.png    the macOS menu-bar template image, 18 and 36 px
set -euo pipefail
cd "$(dirname "$0")"

for tool in rsvg-convert png2icns icotool; do
  command -v "$tool" >/dev/null || { echo "generate.sh: $tool is missing (apt-get install librsvg2-bin icnsutils icoutils)" >&2; exit 1; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Linux and Windows draw icons edge to edge: the same artwork with the grid's margin cropped to a few pixels.
sed 's/viewBox="0 0 1024 1024"/viewBox="88 88 848 848"/' ntfybar.svg > "$tmp/tight.svg"
grep -q 'viewBox="88 88 848 848"' "$tmp/tight.svg" || { echo "generate.sh: ntfybar.svg lost its 1024 viewBox" >&2; exit 1; }

render() { # svg size out
  rsvg-convert --width "$2" --height "$2" --keep-aspect-ratio "$1" --output "$3"
}

rm -rf png linux menubar app.icns app.ico
mkdir -p png menubar

for n in 16 32 48 64 128 256 512 1024; do
  render ntfybar.svg "$n" "png/ntfybar-$n.png"
done
png2icns app.icns png/ntfybar-{16,32,48,128,256,512,1024}.png >/dev/null

for n in 16 22 24 32 48 64 128 256 512; do
  mkdir -p "linux/hicolor/${n}x${n}/apps"
  render "$tmp/tight.svg" "$n" "linux/hicolor/${n}x${n}/apps/ntfybar.png"
done
mkdir -p linux/hicolor/scalable/apps
cp "$tmp/tight.svg" linux/hicolor/scalable/apps/ntfybar.svg

ico=()
for n in 16 24 32 48 64 128; do
  ico+=("linux/hicolor/${n}x${n}/apps/ntfybar.png")
done
# 256 px is stored as PNG inside the .ico (-r), as Windows expects for that size.
icotool --create --output app.ico "${ico[@]}" --raw linux/hicolor/256x256/apps/ntfybar.png

render ntfybar-menubar.svg 18 menubar/ntfybarTemplate.png
render ntfybar-menubar.svg 36 menubar/ntfybarTemplate@2x.png

echo "generate.sh: wrote png/, app.icns, linux/hicolor/, app.ico and menubar/"
