// Draws the app icon and writes build/icon.png (512×512, Linux and the fallback) and build/icon.ico
// (Windows: 256, 128, 64, 48, 32 and 16 px, each stored as PNG, which Windows Vista and later read).
// The mark: a white shield on a deep red rounded square with 「密」 in it. Run `node scripts/make-icon.mjs`
// after changing the drawing and commit the files it writes; packaging does not run it.
// The glyph needs a CJK font (Debian's fonts-noto-cjk); without one the shield is drawn alone.
import { GlobalFonts, createCanvas } from '@napi-rs/canvas';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const buildDir = fileURLToPath(new URL('../build/', import.meta.url));
const FONT_FILES = ['/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', '/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc'];
const font = FONT_FILES.find((f) => existsSync(f));
if (font) GlobalFonts.registerFromPath(font, 'MishenIcon');
else console.warn('未找到中文字体（fonts-noto-cjk），图标只画盾形。');

/** One icon as PNG bytes, drawn at its own size (small sizes are not just scaled down: thicker lines). */
function drawIcon(size) {
  const canvas = createCanvas(size, size);
  const g = canvas.getContext('2d');
  const u = size / 512;

  // Background: a rounded square, deep red, slightly lighter at the top.
  const r = 96 * u;
  const inset = 16 * u;
  const s = size - 2 * inset;
  g.beginPath();
  g.roundRect(inset, inset, s, s, r);
  const bg = g.createLinearGradient(0, inset, 0, inset + s);
  bg.addColorStop(0, '#c62828');
  bg.addColorStop(1, '#8e1414');
  g.fillStyle = bg;
  g.fill();

  // The shield.
  const cx = size / 2;
  const top = 84 * u;
  const bottom = 440 * u;
  const half = 150 * u;
  g.beginPath();
  g.moveTo(cx, top);
  g.bezierCurveTo(cx + half * 0.55, top + 34 * u, cx + half * 0.85, top + 40 * u, cx + half, top + 38 * u);
  g.lineTo(cx + half, 250 * u);
  g.bezierCurveTo(cx + half, 340 * u, cx + 70 * u, 400 * u, cx, bottom);
  g.bezierCurveTo(cx - 70 * u, 400 * u, cx - half, 340 * u, cx - half, 250 * u);
  g.lineTo(cx - half, top + 38 * u);
  g.bezierCurveTo(cx - half * 0.85, top + 40 * u, cx - half * 0.55, top + 34 * u, cx, top);
  g.closePath();
  g.fillStyle = '#ffffff';
  g.fill();

  if (font && size >= 32) {
    g.fillStyle = '#b71c1c';
    g.textAlign = 'center';
    g.textBaseline = 'middle';
    g.font = `${Math.round(190 * u)}px MishenIcon`;
    g.fillText('密', cx, 262 * u);
  } else {
    // Too small for the glyph to read, or no font: a red bar across the shield (a seal strip).
    g.fillStyle = '#b71c1c';
    g.fillRect(cx - 90 * u, 230 * u, 180 * u, Math.max(2, 48 * u));
  }
  return canvas.toBuffer('image/png');
}

/** An ICO file holding PNG images (ICONDIR, one ICONDIRENTRY per image, then the images). */
function icoFromPngs(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  const entries = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0); // width, 0 means 256
    e.writeUInt8(size >= 256 ? 0 : size, 1); // height
    e.writeUInt8(0, 2); // no palette
    e.writeUInt8(0, 3); // reserved
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(e);
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

mkdirSync(buildDir, { recursive: true });
writeFileSync(new URL('icon.png', `file://${buildDir}`), drawIcon(512));
const icoSizes = [256, 128, 64, 48, 32, 16];
writeFileSync(new URL('icon.ico', `file://${buildDir}`), icoFromPngs(icoSizes.map((size) => ({ size, png: drawIcon(size) }))));
console.log(`已写入 build/icon.png（512×512）和 build/icon.ico（${icoSizes.join('、')}）。`);
