// Renders the installable app's PNG icons from public/favicon.svg with headless Chromium (playwright-core), once:
// `node scripts/make-icons.mjs`; the PNGs are committed in public/. Run it again after changing the SVG.
// "any" icons are the SVG as drawn (rounded square, transparent corners); the maskable and Apple icons fill the
// whole square with the SVG's background and shrink the drawing into the centre, so a platform's mask (circle,
// squircle) never cuts into it: maskable icons keep their content within the middle 80 % (w3.org/TR/appmanifest).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const PUBLIC = fileURLToPath(new URL('../public/', import.meta.url));
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Each icon: file in public/, size in pixels, and how much of the square the drawing fills (1 = as drawn). */
export const ICONS = [
  { file: 'pwa-192x192.png', sizePx: 192, contentScale: 1 },
  { file: 'pwa-512x512.png', sizePx: 512, contentScale: 1 },
  { file: 'maskable-icon-512x512.png', sizePx: 512, contentScale: 0.7 },
  { file: 'apple-touch-icon-180x180.png', sizePx: 180, contentScale: 0.8 },
];

/** The page that draws `svg` at `sizePx`, full bleed on the SVG's own background colour when `contentScale` < 1. */
export function buildIconPage(svg, { sizePx, contentScale }) {
  const background = contentScale < 1 ? readBackgroundColour(svg) : 'transparent';
  const innerPx = Math.round(sizePx * contentScale);
  return `<!doctype html><html><body style="margin:0;background:transparent">
<div id="icon" style="width:${sizePx}px;height:${sizePx}px;display:grid;place-items:center;background:${background}">
<img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" width="${innerPx}" height="${innerPx}"></div></body></html>`;
}

/** The fill of the SVG's first `<rect>` (its background); throws naming the file when there is none. */
export function readBackgroundColour(svg) {
  const fill = /<rect\b[^>]*\bfill="(#[0-9a-fA-F]{3,8})"/.exec(svg)?.[1];
  if (!fill) throw new Error('make-icons: public/favicon.svg has no <rect fill="#…"> background to fill maskable icons with; add one or set the colour here.');
  return fill;
}

async function renderIcons() {
  const svg = readFileSync(`${PUBLIC}favicon.svg`, 'utf8');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? (existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined), args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const icon of ICONS) {
      await page.setViewportSize({ width: icon.sizePx, height: icon.sizePx });
      await page.setContent(buildIconPage(svg, icon));
      await page.locator('#icon img').evaluate((img) => img.decode());
      await page.locator('#icon').screenshot({ path: `${PUBLIC}${icon.file}`, omitBackground: true });
      console.log(`make-icons: wrote public/${icon.file} (${icon.sizePx}×${icon.sizePx})`);
    }
  } finally {
    await browser.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await renderIcons();
