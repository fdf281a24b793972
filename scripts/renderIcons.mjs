/**
 * Renders addin/assets/icon.svg into the PNG icons the manifest names (icon-16/32/64/80.png), with the
 * system Chromium driven by playwright-core (no browser download). Run after editing the SVG:
 *
 *   node scripts/renderIcons.mjs    (CHROMIUM_PATH overrides /usr/bin/chromium)
 *
 * The PNGs are committed, so building the add-in never needs a browser.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ICON_SIZES = [16, 32, 64, 80];

const ASSETS = path.join(path.dirname(fileURLToPath(import.meta.url)), '../addin/assets');

async function main() {
  const svg = await readFile(path.join(ASSETS, 'icon.svg'), 'utf8');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    for (const size of ICON_SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      const sized = svg.replace(/width="80" height="80"/, `width="${size}" height="${size}"`);
      await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
      const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      await writeFile(path.join(ASSETS, `icon-${size}.png`), png);
      await page.close();
      console.log(`icon-${size}.png`);
    }
  } finally {
    await browser.close();
  }
}

await main();
