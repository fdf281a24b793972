/**
 * Writes the production add-in manifest from the development one (manifest/manifest.xml), for the base URL
 * the pane and the API are deployed at (ADDIN_BASE_URL). Pure functions over strings, plain JavaScript ESM,
 * so webpack.config.js can import them, e.g. in CopyWebpackPlugin:
 *
 *   { from: 'manifest/manifest.xml', to: 'manifest.xml',
 *     transform: (content) => renderManifest(content.toString(), process.env.ADDIN_BASE_URL) }
 *
 * With no base URL the development manifest is returned unchanged.
 */

/** The origin the development manifest points at: `npm start` serves the pane and the API there. */
export const DEV_BASE_URL = 'https://localhost:3000';

/**
 * A base URL checked and normalised (no trailing slash): absolute, https, no query or fragment.
 * Throws an Error naming the variable and the value otherwise.
 */
export function normaliseBaseUrl(baseUrl) {
  let url;
  try {
    url = new URL(String(baseUrl).trim());
  } catch {
    throw new Error(
      `ADDIN_BASE_URL "${baseUrl}" is not an absolute URL: give the https address the add-in is served at.`,
    );
  }
  if (url.protocol !== 'https:') {
    throw new Error(`ADDIN_BASE_URL "${baseUrl}" must use https: Office loads add-ins only over https.`);
  }
  if (url.search || url.hash) {
    throw new Error(`ADDIN_BASE_URL "${baseUrl}" must not have a query or fragment.`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** The manifest's four-part version for a package.json version ("0.1.0" -> "0.1.0.0"; a pre-release tag is dropped). */
export function manifestVersion(packageVersion) {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(String(packageVersion));
  if (!match) throw new Error(`package.json version "${packageVersion}" is not major.minor.patch`);
  return `${match[1]}.${match[2]}.${match[3]}.0`;
}

function escapeXml(text) {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The manifest for `baseUrl`: every URL under the development origin is moved under the base URL (the
 * `AppDomain` of the sign-in service and other origins are left alone). Returns the XML unchanged when
 * `baseUrl` is empty or undefined.
 */
export function renderManifest(xml, baseUrl) {
  if (baseUrl === undefined || baseUrl === null || String(baseUrl).trim() === '') return xml;
  const base = escapeXml(normaliseBaseUrl(baseUrl));
  const devUrl = new RegExp(`${DEV_BASE_URL.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[/"<])`, 'g');
  const note = `<!-- oda-register Excel add-in, production manifest for ${base}, written by manifest/render.mjs from manifest/manifest.xml: edit that file, not this one. -->`;
  return xml.replace(/<!--[\s\S]*?development manifest[\s\S]*?-->/, note).replace(devUrl, base);
}

/**
 * The development manifest for the service on `port` of this machine (PORT; 3000 is the manifest as written):
 * every URL under https://localhost:3000 moved to https://localhost:<port>. Throws naming PORT when it is not
 * a port number.
 */
export function devManifest(xml, port) {
  const text = String(port ?? '').trim() || '3000';
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isInteger(n) || n < 1 || n > 65535) {
    throw new Error(`PORT must be a number between 1 and 65535, got "${port}"`);
  }
  const devUrl = new RegExp(`${DEV_BASE_URL.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![0-9])`, 'g');
  return xml.replace(devUrl, `https://localhost:${n}`);
}
