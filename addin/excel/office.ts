/**
 * Office.js: taskpane.html loads it from Microsoft's CDN; where a network blocks the CDN, the service's copy
 * (server/http/addinFiles.ts, /office-js/) is loaded instead. Then Office.onReady says which host runs the pane.
 */
export const OFFICE_JS_FALLBACK = '/office-js/office.js';

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`Office.js could not be loaded from ${src}.`));
    document.head.appendChild(script);
  });
}

/** Office.js present (from the CDN, else the fallback), or an error saying neither loaded. */
export async function ensureOfficeJs(): Promise<void> {
  if (typeof Office !== 'undefined') return;
  await loadScript(OFFICE_JS_FALLBACK);
  if (typeof Office === 'undefined') throw new Error('Office.js did not load from the CDN or from the service.');
}

/** The host the pane runs in (Office.HostType.Excel), or null outside Office (a plain browser tab). */
export async function officeHost(): Promise<Office.HostType | null> {
  await ensureOfficeJs();
  const info = await Office.onReady();
  return info.host ?? null;
}

/** Whether the pane runs in Excel (not another Office host, nor a plain browser tab). */
export async function inExcel(): Promise<boolean> {
  return (await officeHost()) === Office.HostType.Excel;
}
