/**
 * The add-in manifest, checked locally (office-addin-manifest's `validate` needs Microsoft's service, so it
 * is `npm run validate` for people, not CI): it parses with office-addin-manifest's reader, has what Excel
 * needs to show a task pane from a Home-tab button, every URL is https, its id and version agree with
 * package.json, every icon it names is a PNG of the stated size, and the production render moves every URL
 * under ADDIN_BASE_URL.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ManifestInfo } from 'office-addin-manifest/lib/manifestInfo.js';
import { DEV_BASE_URL, manifestVersion, normaliseBaseUrl, renderManifest } from '../../manifest/render.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MANIFEST = path.join(ROOT, 'manifest', 'manifest.xml');
const ASSETS = path.join(ROOT, 'addin', 'assets');

const packageJson = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
const xml = await readFile(MANIFEST, 'utf8');

/**
 * office-addin-manifest's own reader (`OfficeAddinManifest.readManifestFile`), run in a plain Node process: under
 * jest its XML handler cannot require the ESM-only uuid it uses.
 */
async function readManifestFile(file: string): Promise<ManifestInfo> {
  const script = `require('office-addin-manifest').OfficeAddinManifest.readManifestFile(process.argv[1])
    .then((info) => process.stdout.write(JSON.stringify(info)))`;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script, file], { cwd: ROOT });
  return JSON.parse(stdout) as ManifestInfo;
}

/** Every URL in the manifest: attribute values and element text that look like one. */
function urlsOf(text: string): string[] {
  const withoutComments = text.replace(/<!--[\s\S]*?-->/g, '');
  const attributeUrls = [...withoutComments.matchAll(/DefaultValue="([a-z]+:\/\/[^"]*)"/gi)].map((m) => m[1]!);
  const elementUrls = [...withoutComments.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1]!);
  return [...attributeUrls, ...elementUrls];
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('manifest/manifest.xml (development)', () => {
  it('is read by office-addin-manifest as an Excel task pane add-in that may write the workbook', async () => {
    const info = await readManifestFile(MANIFEST);
    expect(info.officeAppType).toBe('TaskPaneApp');
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.permissions).toBe('ReadWriteDocument');
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(info.displayName).toBe('ODA Register');
    expect(info.providerName).toBeTruthy();
    expect(info.description).toBeTruthy();
    expect(info.defaultSettings?.sourceLocation).toBe(`${DEV_BASE_URL}/taskpane.html`);
  });

  it('has the version of package.json in four parts', async () => {
    const info = await readManifestFile(MANIFEST);
    expect(info.version).toBe(manifestVersion(packageJson.version));
    expect(manifestVersion('1.2.3-beta.1')).toBe('1.2.3.0');
    expect(() => manifestVersion('one')).toThrow(/major.minor.patch/);
  });

  it('asks for ExcelApi 1.4, the set the core flow needs (freeze panes and dropdowns are checked at run time)', () => {
    expect(xml).toMatch(/<Set Name="ExcelApi" MinVersion="1.4"\/>/);
    expect(xml.match(/<Set /g)).toHaveLength(1);
  });

  it('puts a button on the Home tab that opens the task pane, with a function file for ribbon commands', () => {
    expect(xml).toMatch(/<VersionOverrides[^>]*xsi:type="VersionOverridesV1_0"/);
    expect(xml).toMatch(/<Host xsi:type="Workbook">/);
    expect(xml).toMatch(/<ExtensionPoint xsi:type="PrimaryCommandSurface">\s*<OfficeTab id="TabHome">/);
    expect(xml).toMatch(
      /<Control xsi:type="Button"[\s\S]*<Action xsi:type="ShowTaskpane">[\s\S]*<SourceLocation resid="Taskpane.Url"\/>/,
    );
    expect(xml).toMatch(/<FunctionFile resid="Commands.Url"\/>/);
    expect(xml).toContain(`<bt:Url id="Commands.Url" DefaultValue="${DEV_BASE_URL}/commands.html"/>`);
    expect(xml).toContain(`<bt:Url id="Taskpane.Url" DefaultValue="${DEV_BASE_URL}/taskpane.html"/>`);
  });

  it('defines every resource it refers to, each once', () => {
    const referenced = new Set([...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]!));
    const defined = [...xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]!);
    expect(new Set(defined).size).toBe(defined.length);
    for (const id of referenced) expect(defined).toContain(id);
    // Short strings (labels) are limited to 125 characters, long strings to 250.
    for (const [, text] of xml.matchAll(/<bt:ShortStrings>([\s\S]*?)<\/bt:ShortStrings>/g)) {
      for (const [, value] of text!.matchAll(/DefaultValue="([^"]*)"/g)) expect(value!.length).toBeLessThanOrEqual(125);
    }
  });

  it('uses https for every URL, the pane and the API on the one development origin', () => {
    const urls = urlsOf(xml);
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
    const own = urls.filter((u) => !u.startsWith('https://login.microsoftonline.com'));
    for (const url of own) expect(url.startsWith(`${DEV_BASE_URL}/`)).toBe(true);
  });

  it('names icons that exist as PNGs of the stated size (16, 32, 64 and 80 px)', async () => {
    const images = [...xml.matchAll(/<bt:Image id="Icon\.(\d+)x\1" DefaultValue="([^"]+)"\/>/g)].map((m) => ({
      size: Number(m[1]),
      url: m[2]!,
    }));
    const iconUrl = /<IconUrl DefaultValue="([^"]+)"/.exec(xml)![1]!;
    const highRes = /<HighResolutionIconUrl DefaultValue="([^"]+)"/.exec(xml)![1]!;
    const icons = [...images, { size: 32, url: iconUrl }, { size: 64, url: highRes }];
    expect(new Set(icons.map((i) => i.size))).toEqual(new Set([16, 32, 64, 80]));
    for (const { size, url } of icons) {
      const file = path.join(ASSETS, path.basename(new URL(url).pathname));
      expect(new URL(url).pathname).toBe(`/assets/icon-${size}.png`);
      expect(existsSync(file)).toBe(true);
      expect(pngSize(await readFile(file))).toEqual({ width: size, height: size });
    }
    // The SVG the PNGs are rendered from (by scripts/renderIcons.mjs) is kept beside them.
    expect(existsSync(path.join(ASSETS, 'icon.svg'))).toBe(true);
  });
});

describe('manifest/render.mjs (production)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'oda-manifest-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('moves every URL of the pane, commands and icons under ADDIN_BASE_URL and still parses', async () => {
    const rendered = renderManifest(xml, 'https://oda.example.org/register/');
    const file = path.join(dir, 'manifest.xml');
    await writeFile(file, rendered);
    const info = await readManifestFile(file);
    expect(info.defaultSettings?.sourceLocation).toBe('https://oda.example.org/register/taskpane.html');
    expect(info.iconUrl).toBe('https://oda.example.org/register/assets/icon-32.png');
    expect(info.id).toBe((await readManifestFile(MANIFEST)).id);
    expect(rendered).not.toContain('localhost');
    expect(rendered).toContain(
      '<bt:Url id="Commands.Url" DefaultValue="https://oda.example.org/register/commands.html"/>',
    );
    expect(rendered).toContain('<AppDomain>https://login.microsoftonline.com</AppDomain>');
    for (const url of urlsOf(rendered)) expect(url).toMatch(/^https:\/\//);
    // Only the URLs change: the rest of the document is the development manifest's.
    const withoutComments = (text: string) => text.replace(/<!--[\s\S]*?-->/g, '');
    expect(withoutComments(rendered).replaceAll('https://oda.example.org/register', DEV_BASE_URL)).toBe(
      withoutComments(xml),
    );
    expect(rendered).toContain('production manifest for https://oda.example.org/register');
  });

  it('keeps the development manifest when no base URL is set', () => {
    expect(renderManifest(xml, undefined)).toBe(xml);
    expect(renderManifest(xml, '  ')).toBe(xml);
  });

  it('refuses a base URL Office could not load, naming the variable', () => {
    expect(() => normaliseBaseUrl('http://oda.example.org')).toThrow(/ADDIN_BASE_URL .* must use https/);
    expect(() => normaliseBaseUrl('oda.example.org')).toThrow(/ADDIN_BASE_URL .* not an absolute URL/);
    expect(() => normaliseBaseUrl('https://oda.example.org/?a=1')).toThrow(/query or fragment/);
    expect(normaliseBaseUrl('https://oda.example.org')).toBe('https://oda.example.org');
    expect(() => renderManifest(xml, 'http://oda.example.org')).toThrow(/https/);
  });
});
