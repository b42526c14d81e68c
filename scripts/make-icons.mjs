#!/usr/bin/env node
/**
 * Renders the app icon from its SVG sources into every file the packaged app and electron-builder need:
 *   build/icon.png          1024×1024, electron-builder's master icon (and macOS fallback)
 *   build/icons/NxN.png     16…512, the Linux icon set (AppImage, deb: /usr/share/icons/hicolor)
 *   build/icon.ico          Windows: exe, NSIS installer and shortcuts (16…256)
 *   build/icon.icns         macOS (png2icons, from the 1024 render)
 *   resources/icon.png      512×512, the BrowserWindow icon on Linux
 * Sizes up to 48 px come from build/icon-small.svg, a simplified drawing (no SLA ring, thicker hands, full bleed)
 * that stays legible at taskbar and title-bar sizes; larger ones from build/icon.svg.
 *
 * Usage: node scripts/make-icons.mjs   (the outputs are committed; run it again only when an SVG changes)
 */
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import png2icons from 'png2icons';

const root = resolve(import.meta.dirname, '..');
const build = join(root, 'build');
const SMALL_UP_TO = 48;
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

const sources = { large: readFileSync(join(build, 'icon.svg')), small: readFileSync(join(build, 'icon-small.svg')) };

/** One render per size straight from the vector source, so small sizes are not blurred downscales. */
function render(size) {
  const svg = size <= SMALL_UP_TO ? sources.small : sources.large;
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render();
}

function write(file, data) {
  writeFileSync(file, data);
  console.log(`wrote ${file.slice(root.length + 1)} (${data.length} bytes)`);
}

mkdirSync(join(build, 'icons'), { recursive: true });
mkdirSync(join(root, 'resources'), { recursive: true });
const master = render(1024).asPng();
write(join(build, 'icon.png'), master);
for (const size of LINUX_SIZES) write(join(build, 'icons', `${size}x${size}.png`), render(size).asPng());
write(join(root, 'resources', 'icon.png'), render(512).asPng());
write(join(build, 'icon.ico'), ico(ICO_SIZES.map(render)));
const icns = png2icons.createICNS(master, png2icons.BICUBIC2, 0);
if (!icns) throw new Error('png2icons could not make icon.icns');
write(join(build, 'icon.icns'), icns);

/**
 * A Windows icon: 64 px and up as PNG, smaller sizes as 32-bit BMP, because the NSIS installer and the file
 * properties dialog of older Windows versions do not read PNG-compressed small entries (as png2icons' forWinExe).
 */
function ico(images) {
  const entries = images.map((image) => (image.width >= 64 ? image.asPng() : bmp(image)));
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach((image, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(image.width >= 256 ? 0 : image.width, at); // 0 means 256
    header.writeUInt8(image.height >= 256 ? 0 : image.height, at + 1);
    header.writeUInt8(0, at + 2); // no palette
    header.writeUInt8(0, at + 3);
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(entries[i].length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += entries[i].length;
  });
  return Buffer.concat([header, ...entries]);
}

/** BITMAPINFOHEADER + bottom-up BGRA rows + an all-zero AND mask (the alpha channel decides transparency). */
function bmp(image) {
  const { width, height, pixels } = image;
  const maskRow = Math.ceil(width / 32) * 4;
  const info = Buffer.alloc(40);
  info.writeUInt32LE(40, 0);
  info.writeInt32LE(width, 4);
  info.writeInt32LE(height * 2, 8); // colour rows plus mask rows
  info.writeUInt16LE(1, 12);
  info.writeUInt16LE(32, 14);
  info.writeUInt32LE(width * height * 4 + maskRow * height, 20);
  const colour = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const from = (y * width + x) * 4;
      const to = ((height - 1 - y) * width + x) * 4;
      const alpha = pixels[from + 3];
      // resvg's pixels are premultiplied; BMP icons want straight alpha.
      const unpremultiply = (value) => (alpha === 0 ? 0 : Math.min(255, Math.round((value * 255) / alpha)));
      colour[to] = unpremultiply(pixels[from + 2]);
      colour[to + 1] = unpremultiply(pixels[from + 1]);
      colour[to + 2] = unpremultiply(pixels[from]);
      colour[to + 3] = alpha;
    }
  }
  return Buffer.concat([info, colour, Buffer.alloc(maskRow * height)]);
}
