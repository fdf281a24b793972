/**
 * Driving the harness page (the real task pane beside the in-memory workbook) from the browser tests: the
 * service on a free port with a temporary DATA_DIR, Chromium, sign-in, cells, and a screenshot per step
 * saved under test/browser/artifacts/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { startService, type Service } from '../helpers/service.js';
import { TABLES } from '../../shared/contract.js';
import type { RawTables, Submission } from '../../shared/types.js';
import { submissionRows } from '../../addin/taskpane/model/submissionRows.js';

export const ARTIFACTS = path.resolve('test/browser/artifacts');

export interface Harness {
  service: Service;
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'oda-e2e-home-'));
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'oda-e2e-data-'));
  const service = await startService({
    home,
    dataDir,
    env: { ADDIN_DIR: path.resolve('dist/addin'), HOST: '127.0.0.1' },
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    service,
    origin: `http://127.0.0.1:${service.port}`,
    browser,
    async close() {
      await browser.close();
      service.child.kill('SIGTERM');
      await service.exited;
      rmSync(home, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function openPane(harness: Harness, email: string): Promise<Page> {
  const page = await harness.browser.newPage({ viewport: { width: 1280, height: 860 }, bypassCSP: true });
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(`${harness.origin}/harness.html`);
  await page.getByTestId('dev-member').selectOption(email);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByTestId('who').waitFor();
  (page as Page & { errors?: string[] }).errors = errors;
  return page;
}

/** The task pane's screenshots, numbered in step order; each run starts the folder afresh. */
const PANE_SHOTS = path.join(ARTIFACTS, 'pane');
let shots = 0;
export async function shot(page: Page, name: string): Promise<void> {
  if (shots === 0) {
    rmSync(PANE_SHOTS, { recursive: true, force: true });
    mkdirSync(PANE_SHOTS, { recursive: true });
  }
  shots++;
  await page.screenshot({ path: path.join(PANE_SHOTS, `${String(shots).padStart(2, '0')}-${name}.png`) });
}

export async function showSheet(page: Page, sheet: string): Promise<void> {
  await page.locator(`[data-sheet-tab="${sheet}"]`).click();
}

export function cell(page: Page, sheet: string, address: string) {
  return page.locator(`[data-grid="${sheet}"] input[data-cell="${address}"]`);
}

/** Types values into a sheet's cells: { A2: 'x', B2: 'y' }. */
export async function fill(page: Page, sheet: string, values: Record<string, string>): Promise<void> {
  await showSheet(page, sheet);
  for (const [address, value] of Object.entries(values)) await cell(page, sheet, address).fill(value);
}

/**
 * Harbourline's first workbook as a line manager types it after Set up: one contact (with a mistyped email, the
 * one error Check finds) and one commitment.
 */
export async function fillFirstWorkbook(page: Page): Promise<void> {
  await fill(page, 'Contacts', {
    A2: 'Tina Tapp',
    B2: 'Data lead',
    C2: 'tina.tapp(at)harbourline',
    E2: 'Point of contact',
    F2: 'Yes',
  });
  await fill(page, 'Commitments', {
    A2: 'D1',
    B2: 'Data',
    C2: 'Monthly reservoir and leakage extracts',
    D2: '3',
    E2: 'Datasets',
    F2: '2025-04-01',
    I2: 'Agreed',
  });
}

/** Waits until the element shows the text (Playwright's own waiting), failing with what it shows instead. */
export async function see(locator: Locator, text: string | RegExp): Promise<void> {
  try {
    await locator.filter({ hasText: text }).first().waitFor({ timeout: 60_000 });
  } catch {
    const shown = await locator.allTextContents().catch(() => []);
    throw new Error(`Expected ${String(text)} in ${String(locator)}; it shows: ${JSON.stringify(shown)}`);
  }
}

/** What the notice bar of the pane says (the last one shown). */
export function notice(page: Page, intent: 'error' | 'warning' | 'success' | 'info') {
  return page.getByTestId(`notice-${intent}`);
}

/** Raw tables of a submission as a workbook reader would hand them over (headers at A1). */
export function rawTablesOf(submission: Submission): RawTables {
  const rows = submissionRows(submission);
  const out: RawTables = {};
  for (const def of TABLES) {
    out[def.name] = {
      sheet: def.name,
      topLeft: 'A1',
      values: [def.columns.map((c) => c.header), ...(rows[def.name] ?? [])],
    };
  }
  return out;
}

/** A call to the service as another member (a development token), for a second manager's submission. */
export async function asMember(origin: string, email: string) {
  const minted = (await (
    await fetch(`${origin}/api/dev/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email }),
    })
  ).json()) as { token: string };
  const headers = { Authorization: `Bearer ${minted.token}`, 'Content-Type': 'application/json' };
  return {
    async get(pathname: string): Promise<unknown> {
      const res = await fetch(`${origin}${pathname}`, { headers });
      if (!res.ok) throw new Error(`GET ${pathname}: ${res.status}`);
      return res.json();
    },
    async current(org: string) {
      const res = await fetch(`${origin}/api/organisations/${org}/submission`, { headers });
      return (await res.json()) as { version: number; submission: Submission };
    },
    /** Adds a member to the catalogue (PMG): a second line manager of an organisation, say. */
    async addMember(member: { email: string; organisationId?: string; role: string }) {
      const res = await fetch(`${origin}/api/catalogue`, { headers });
      const stored = (await res.json()) as { version: number; catalogue: { members: unknown[] } };
      const catalogue = { ...stored.catalogue, members: [...stored.catalogue.members, member] };
      const put = await fetch(`${origin}/api/catalogue`, {
        method: 'PUT',
        headers: { ...headers, 'If-Match': `"${stored.version}"` },
        body: JSON.stringify(catalogue),
      });
      if (!put.ok) throw new Error(`Adding ${member.email}: ${put.status} ${await put.text()}`);
    },
    /** Removes a member from the catalogue (PMG): someone who has left the partnership. */
    async removeMember(email: string) {
      const res = await fetch(`${origin}/api/catalogue`, { headers });
      const stored = (await res.json()) as { version: number; catalogue: { members: { email: string }[] } };
      const members = stored.catalogue.members.filter((m) => m.email !== email);
      const put = await fetch(`${origin}/api/catalogue`, {
        method: 'PUT',
        headers: { ...headers, 'If-Match': `"${stored.version}"` },
        body: JSON.stringify({ ...stored.catalogue, members }),
      });
      if (!put.ok) throw new Error(`Removing ${email}: ${put.status} ${await put.text()}`);
    },
    async put(org: string, tables: RawTables, version: number) {
      const res = await fetch(`${origin}/api/organisations/${org}/submission`, {
        method: 'PUT',
        headers: { ...headers, 'If-Match': `"${version}"` },
        body: JSON.stringify({ tables, source: 'api' }),
      });
      return { status: res.status, body: (await res.json()) as { version: number } };
    },
  };
}

/** WCAG 2.0, 2.1 and 2.2 A and AA, the standard for UK public-sector services. */
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe-core's violations on the page as it is now, as "rule: target" lines (empty when none): the task pane and
 * its dialogs, not the harness's stand-in for Excel's grid beside it.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axe.source });
  // Let a dialog finish fading in first: mid-animation its text is half transparent, and axe would measure
  // the contrast of a frame no one reads (spinners and other endless animations are not waited for).
  await page.evaluate(() =>
    Promise.race([
      Promise.all(
        document
          .getAnimations()
          .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
          .map((a) => a.finished.catch(() => undefined)),
      ),
      new Promise((resolve) => setTimeout(resolve, 3000)),
    ]),
  );
  const result = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: typeof axe }).axe.run(
        { exclude: [['section[aria-label="Workbook"]']] },
        { runOnly: { type: 'tag', values: tags } },
      ),
    WCAG,
  );
  return result.violations.flatMap((v) =>
    v.nodes
      // Fluent's focus guards (tabster's <i data-tabster-dummy>) are focusable and aria-hidden on purpose: they
      // hand the focus on as soon as they get it. Microsoft's own Accessibility Insights suppresses exactly these
      // (accessibility-insights-web#7605); every other node of the rule still counts.
      .filter((n) => !(v.id === 'aria-hidden-focus' && n.html.includes('data-tabster-dummy')))
      .map((n) => `${v.id} (${v.impact ?? ''}): ${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
  );
}
