#!/usr/bin/env bash
# Draws Ponder's icon from ponder.svg in every size the platforms ask for:
#   png/ponder-N.png  window icons (JavaFX picks the best size for the screen's scale) and the Linux package
#   ponder.ico        Windows (.msi, the launcher)        ponder.icns   macOS (.dmg, the app bundle)
# Needs rsvg-convert (librsvg2-bin), ImageMagick's convert and png2icns (icnsutils).
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p png
for size in 16 24 32 48 64 128 256 512 1024; do
    rsvg-convert -w "$size" -h "$size" ponder.svg -o "png/ponder-$size.png"
done
convert png/ponder-16.png png/ponder-24.png png/ponder-32.png png/ponder-48.png png/ponder-64.png \
    png/ponder-128.png png/ponder-256.png ponder.ico
png2icns ponder.icns png/ponder-16.png png/ponder-32.png png/ponder-48.png png/ponder-128.png \
    png/ponder-256.png png/ponder-512.png png/ponder-1024.png >/dev/null
