/**
 * The register page (`/`) in headless Chromium against the real service (a free port, a temporary DATA_DIR
 * seeded with the demo partnership). Before any register, the PMG consolidates version 1 on the page from the
 * empty state. Then through the API: a line manager changes a commitment, the PMG consolidates version 2, a governing partner confirms it. Then a viewer signs
 * in on the page, sees both versions with their sign-off status, reads version 2 (stakes, totals, role matrix,
 * issues, what changed since version 1), downloads each appendix (file name and bytes checked), verifies one
 * and an edited copy; version 1 says it is the first; the layout at 375 px wide. Screenshots go to
 * test/browser/artifacts/register-*.png.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { ARTIFACTS, asMember, axeViolations, rawTablesOf, see, startHarness, type Harness } from './pane.js';

const CHAIR = 'oda.chair@northshire.gov.uk.example';
const VIEWER = 'internal.audit@northshire.gov.uk.example';
const COUNCIL_MANAGER = 'helen.marsh@northshire.gov.uk.example';
const COUNCIL = 'northshire-county-council';

let harness: Harness;
let page: Page;
let shots = 0;

async function shot(p: Page, name: string, fullPage = true): Promise<void> {
  shots++;
  await p.screenshot({
    path: path.join(ARTIFACTS, `register-${String(shots).padStart(2, '0')}-${name}.png`),
    fullPage,
  });
}

async function call(email: string, method: string, route: string): Promise<{ status: number; body: unknown }> {
  const minted = (await (
    await fetch(`${harness.origin}/api/dev/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email }),
    })
  ).json()) as { token: string };
  const res = await fetch(`${harness.origin}/api${route}`, {
    method,
    headers: { Authorization: `Bearer ${minted.token}`, 'Content-Type': 'application/json' },
    ...(method === 'POST' ? { body: '{}' } : {}),
  });
  return { status: res.status, body: await res.json().catch(() => null) };
}

async function signIn(p: Page, email: string): Promise<void> {
  await p.goto(`${harness.origin}/`);
  await p.getByTestId('dev-member').selectOption(email);
  await p.getByRole('button', { name: 'Sign in', exact: true }).click();
  await p.getByTestId('who').waitFor();
}

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

describe('before any consolidation', () => {
  test('signed out, the page offers the sign-in; signed in, it says no register has been consolidated yet', async () => {
    const p = await harness.browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    await p.goto(`${harness.origin}/`);
    await expect(p.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('ODA register');
    await p.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    await shot(p, 'signed-out', false);
    expect(await axeViolations(p)).toEqual([]);
    // The accessibility statement, linked from every view of the page.
    await p.getByRole('link', { name: 'Accessibility statement' }).click();
    await see(p.getByRole('heading', { level: 1 }), 'Accessibility statement for the ODA register');
    await see(p.getByRole('main'), 'Web Content Accessibility Guidelines (WCAG) 2.2 at level AA');
    expect(await axeViolations(p)).toEqual([]);
    await shot(p, 'accessibility-statement', false);
    await p.getByRole('link', { name: 'Back to the register' }).click();
    await p.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    await p.getByTestId('dev-member').selectOption(VIEWER);
    await p.getByRole('button', { name: 'Sign in', exact: true }).click();
    await see(p.getByTestId('no-register'), 'No register has been consolidated yet');
    await shot(p, 'no-register', false);
    await p.close();
  });

  test('the PMG consolidates version 1 from the empty state, and the page shows it', async () => {
    const p = await harness.browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    await signIn(p, CHAIR);
    const empty = p.getByTestId('no-register');
    await see(empty, 'No register has been consolidated yet');
    // The PMG is pointed at the button above, not sent to Excel or the command line.
    await see(empty, 'Consolidate above to make register version 1');
    await expect(empty.textContent()).resolves.not.toMatch(/PMG tab|oda-register consolidate/);
    expect(await axeViolations(p)).toEqual([]);
    await shot(p, 'no-register-pmg', false);
    await p.getByRole('button', { name: 'Consolidate…' }).click();
    const dialog = p.getByRole('dialog', { name: 'Consolidate a new register version?' });
    await see(dialog, 'becomes register version 1, recorded as made by you');
    await expect(dialog.textContent()).resolves.not.toMatch(/since version/);
    await dialog.getByRole('button', { name: 'Consolidate', exact: true }).click();
    await see(p.getByTestId('consolidate-result'), 'Register version 1 created');
    // The list reloads with version 1, chosen and shown; the empty state is gone.
    await see(p.getByTestId('version-1'), '0 of 6 confirmed');
    await expect(p.getByTestId('no-register').count()).resolves.toBe(0);
    await expect(p.getByTestId('version-1').getAttribute('aria-current')).resolves.toBe('true');
    expect(p.url()).toMatch(/#v1$/);
    await see(p.getByRole('heading', { level: 2, name: 'Register version 1' }), 'Register version 1');
    await see(p.getByTestId('changes'), 'This is the first register version');
    expect(await axeViolations(p)).toEqual([]);
    await shot(p, 'consolidated-first', false);
    await p.close();
  });
});

describe('a viewer on the register page', () => {
  beforeAll(async () => {
    // Version 1 was consolidated on the page by the PMG, above.
    expect(((await call(CHAIR, 'GET', '/registers')).body as { registers: unknown[] }).registers).toHaveLength(1);
    const manager = await asMember(harness.origin, COUNCIL_MANAGER);
    const current = await manager.current(COUNCIL);
    const changed = structuredClone(current.submission);
    changed.commitments[0]!.quantity += 1;
    const put = await manager.put(COUNCIL, rawTablesOf(changed), current.version);
    expect(put.status).toBe(201);
    expect((await call(CHAIR, 'POST', '/registers')).status).toBe(201);
    expect((await call(COUNCIL_MANAGER, 'POST', '/registers/2/sign-offs')).status).toBe(201);
    page = await harness.browser.newPage({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
      bypassCSP: true,
    });
    await signIn(page, VIEWER);
  });

  test('sees the versions, newest first, with their sign-off status', async () => {
    await see(page.getByTestId('who'), 'Signed in as');
    await see(page.getByTestId('version-2'), '1 of 6 confirmed');
    await see(page.getByTestId('version-1'), '0 of 6 confirmed');
    await expect(page.getByTestId('version-2').getAttribute('aria-current')).resolves.toBe('true');
    const signOffs = page.getByTestId('sign-offs');
    await see(signOffs, '1 of 6 governing partners has confirmed this version');
    expect(await axeViolations(page)).toEqual([]);
    await see(signOffs, 'Northshire County Council: helen.marsh@northshire.gov.uk.example');
    await see(signOffs, 'Not ready for the MoU yet');
    await see(signOffs, 'No organisation is accountable for "Benefits realisation"');
    // Consolidating is the PMG's: a viewer is offered no Consolidate button.
    await expect(page.getByTestId('consolidate').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /Consolidate/ }).count()).resolves.toBe(0);
  });

  test('reads version 2: stakes, totals chart and table, role matrix, issues and the change since version 1', async () => {
    const partners = page.getByTestId('partners');
    await see(partners, 'Northshire County Council');
    await expect(partners.locator('tbody tr').count()).resolves.toBe(9);
    await see(partners, '16.67%');

    const funding = page.getByTestId('chart-fundingGbp');
    await expect(funding.getAttribute('role')).resolves.toBe('img');
    await expect(funding.locator('desc').textContent()).resolves.toMatch(
      /(^|; )Northshire County Council: £45,000(;|$)/,
    );
    await page.getByText('Show the totals as a table').click();
    await see(page.getByTestId('totals-table'), 'All partners');

    const matrix = page.getByTestId('matrix');
    await see(matrix, 'Data sharing agreements');
    await see(matrix, '2 accountable partners');
    await see(matrix, 'No accountable partner');
    await expect(matrix.locator('td.tone-A').count()).resolves.toBeGreaterThan(0);
    await expect(matrix.locator('td.tone-A .sr-only').first().textContent()).resolves.toMatch(/^Accountable/);

    await see(page.getByTestId('issues'), 'Across partners');
    await see(page.getByTestId('issues'), 'Error: 2 organisations are accountable for "Data sharing agreements"');

    const changes = page.getByTestId('changes');
    await see(changes, 'What changed since version 1');
    await see(changes, 'Commitments: 1 changed');
    await see(changes, /Changed: Northshire County Council, NCC-01 .*Quantity 1 → 2/);
    await see(changes, 'Workbooks consolidated');
    await shot(page, 'version-2');
  });

  test('downloads each appendix under the service’s file name, with the right bytes', async () => {
    const saved: Record<string, string> = {};
    for (const [label, extension, magic] of [
      ['Download Word (.docx)', 'docx', 'PK'],
      ['Download Excel (.xlsx)', 'xlsx', 'PK'],
      ['Download OpenDocument (.ods)', 'ods', 'PK'],
      ['Download CSV (.zip)', 'zip', 'PK'],
      ['Download JSON (.json)', 'json', '{'],
    ] as const) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: label }).click(),
      ]);
      const fileName = download.suggestedFilename();
      expect(fileName).toMatch(new RegExp(`^northshire-oda-register-v2-[a-z]+\\.${extension}$`));
      const file = path.join(ARTIFACTS, `register-download-${fileName}`);
      await download.saveAs(file);
      const bytes = readFileSync(file);
      expect(bytes.subarray(0, magic.length).toString('latin1')).toBe(magic);
      if (extension === 'json') expect(JSON.parse(bytes.toString('utf8')).version).toBe(2);
      if (extension === 'docx') expect(bytes.includes('word/document.xml')).toBe(true);
      if (extension === 'xlsx') expect(bytes.includes('xl/workbook.xml')).toBe(true);
      if (extension === 'ods') expect(bytes.includes('application/vnd.oasis.opendocument.spreadsheet')).toBe(true);
      saved[extension] = file;
      await see(page.getByTestId('downloads'), `Saved ${fileName}`);
    }

    await page.getByTestId('verify-file').setInputFiles(saved.json!);
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await see(page.getByTestId('verdict'), /True copy.*register version 2/);
    await shot(page, 'verified');

    const edited = JSON.parse(readFileSync(saved.json!, 'utf8'));
    edited.organisations[0].name = 'Someone Else Entirely';
    await page.getByTestId('verify-file').setInputFiles({
      name: 'edited.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(edited, null, 2)),
    });
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await see(page.getByTestId('verdict'), 'Edited');
    await page.getByTestId('verdict').scrollIntoViewIfNeeded();
    await shot(page, 'verify-edited', false);
  });

  test('version 1 is the first: nothing to compare it with', async () => {
    await page.getByTestId('version-1').click();
    await expect(page.url()).toMatch(/#v1$/);
    await see(page.getByTestId('changes'), 'This is the first register version');
    await see(page.getByRole('heading', { level: 2, name: 'Register version 1' }), 'Register version 1');
  });

  test('compares any two versions: the pickers default to the chosen version and the one before', async () => {
    await page.getByTestId('version-2').click();
    const changes = page.getByTestId('changes');
    await see(changes, 'What changed since version 1');
    const from = page.getByLabel('From version');
    const to = page.getByLabel('To version');
    await expect(from.inputValue()).resolves.toBe('1');
    await expect(to.inputValue()).resolves.toBe('2');
    // Backwards, from version 2 to version 1: the same commitment, the other way round.
    await from.selectOption('2');
    await see(changes, 'Choose two different versions to compare.');
    await to.selectOption('1');
    await see(
      page.getByRole('heading', { level: 3, name: 'What changed from version 2 back to version 1' }),
      'version 1',
    );
    // The headline says the direction, never "since version 2" of an earlier version.
    await see(
      changes,
      /\d+ changes? from version 2 back to the earlier version 1: “added” and “new” are what version 1 has/,
    );
    await expect(changes.textContent()).resolves.not.toMatch(/since version 2/);
    await see(changes, /Changed: Northshire County Council, NCC-01 .*Quantity 2 → 1/);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'compare-backwards');
    // Version 1 has no version before it, but can be compared with a later one.
    await page.getByTestId('version-1').click();
    await see(changes, 'Choose another version to compare it with a later one');
    await page.getByLabel('To version').selectOption('2');
    await see(changes, /Changed: Northshire County Council, NCC-01 .*Quantity 1 → 2/);
    await see(page.getByRole('heading', { level: 3, name: 'What changed from version 1 to version 2' }), 'version 2');
  });

  test('on a phone (375 px): one column, nothing wider than the screen but the scrolling tables', async () => {
    const phone = await harness.browser.newPage({ viewport: { width: 375, height: 812 }, isMobile: true });
    await signIn(phone, VIEWER);
    await phone.getByTestId('matrix').waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(overflow).toBeLessThanOrEqual(375);
    const nav = await phone.getByRole('navigation', { name: 'Register versions' }).boundingBox();
    const detail = await phone.getByTestId('version-detail').boundingBox();
    expect(detail!.y).toBeGreaterThan(nav!.y + nav!.height - 1);
    await shot(phone, 'phone');
    await shot(phone, 'phone-top', false);
    for (const part of ['partners', 'totals', 'matrix', 'changes']) {
      await phone.getByTestId(part).scrollIntoViewIfNeeded();
      await phone.evaluate((id) => document.querySelector(`[data-testid="${id}"]`)!.scrollIntoView(), part);
      await shot(phone, `phone-${part}`, false);
    }
    await phone.close();
  });
});

describe('faults on the register page, which has no workbook', () => {
  test('a dropped connection, an expired sign-in, a failed sign-in: none mentions a workbook; then signing in again', async () => {
    const p = await harness.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(p, VIEWER);
    await p.getByTestId('downloads').waitFor();
    await p.route('**/api/registers/*/appendix.*', (route) => route.abort('internetdisconnected'));
    await p.getByRole('button', { name: 'Download Word (.docx)' }).click();
    const offline = p.getByTestId('downloads').getByTestId('notice-error');
    await see(offline, 'No connection to the service');
    await see(offline, 'Downloading Word (.docx) of version 2 needs the service');
    await expect(offline.textContent()).resolves.not.toMatch(/workbook/i);
    await shot(p, 'fault-offline', false);
    await p.unrouteAll();

    await p.route('**/api/dev/token', (route) => route.abort('internetdisconnected'));
    await p.route('**/api/registers/1', (route) =>
      route.fulfill({
        status: 401,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: 'about:blank',
          title: 'Unauthorized',
          status: 401,
          detail: 'The token has expired.',
        }),
      }),
    );
    await p.getByTestId('version-1').click();
    const expired = p.getByTestId('notice-warning');
    await see(expired, 'Your sign-in has expired');
    await see(expired, 'Sign in again to carry on.');
    await expect(expired.textContent()).resolves.not.toMatch(/workbook/i);
    await shot(p, 'fault-signed-out', false);
    await p.getByTestId('dev-member').selectOption(VIEWER);
    await p.getByRole('button', { name: 'Sign in', exact: true }).click();
    const refused = p.getByTestId('notice-error');
    await see(refused, 'No connection to the service');
    await see(refused, 'Signing in needs the service');
    await expect(refused.textContent()).resolves.not.toMatch(/workbook/i);
    await shot(p, 'fault-sign-in', false);
    await p.unrouteAll();
    await p.getByTestId('dev-member').selectOption(VIEWER);
    await p.getByRole('button', { name: 'Sign in', exact: true }).click();
    await see(p.getByTestId('version-detail'), 'Register version 1');
    await expect(p.getByTestId('notice-warning').count()).resolves.toBe(0);
    await p.close();
  });
});

describe('the PMG on the register page, without Excel', () => {
  let pmg: Page;

  beforeAll(async () => {
    pmg = await harness.browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    await signIn(pmg, CHAIR);
    await pmg.getByTestId('version-detail').waitFor();
  });

  afterAll(async () => {
    await pmg?.close();
  });

  test('Consolidate asks first; Cancel changes nothing and gives focus back to the button', async () => {
    const button = pmg.getByRole('button', { name: 'Consolidate…' });
    await button.click();
    const dialog = pmg.getByRole('dialog', { name: 'Consolidate a new register version?' });
    await see(dialog, 'becomes register version 3, recorded as made by you (oda.chair@northshire.gov.uk.example)');
    await see(dialog, 'If nothing changed since version 2, no version is created');
    expect(await axeViolations(pmg)).toEqual([]);
    await shot(pmg, 'consolidate-confirm', false);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect(button.evaluate((b) => b === document.activeElement)).resolves.toBe(true);
    await button.click();
    await pmg.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect(button.evaluate((b) => b === document.activeElement)).resolves.toBe(true);
    await expect(pmg.getByTestId('version-3').count()).resolves.toBe(0);
    expect(((await call(CHAIR, 'GET', '/registers')).body as { registers: unknown[] }).registers).toHaveLength(2);
  });

  test('nothing changed since version 2: "unchanged", and no version is created', async () => {
    await pmg.getByRole('button', { name: 'Consolidate…' }).click();
    await pmg.getByRole('dialog').getByRole('button', { name: 'Consolidate', exact: true }).click();
    const result = pmg.getByTestId('consolidate-result');
    await see(result, 'Unchanged');
    await see(result, 'Nothing changed since register version 2');
    await see(result, 'no new version was created and its sign-offs still stand');
    await expect(pmg.getByTestId('version-3').count()).resolves.toBe(0);
    await see(pmg.getByTestId('version-2'), '1 of 6 confirmed');
    await shot(pmg, 'consolidate-unchanged', false);
  });

  test('the service out of reach: a clear sentence, and nothing changes', async () => {
    await pmg.route('**/api/registers', (route) =>
      route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue(),
    );
    await pmg.getByRole('button', { name: 'Consolidate…' }).click();
    await pmg.getByRole('dialog').getByRole('button', { name: 'Consolidate', exact: true }).click();
    const error = pmg.getByTestId('consolidate-result').getByTestId('notice-error');
    await see(error, 'No connection to the service');
    await see(error, 'Consolidating the register needs the service');
    await pmg.unrouteAll();
    await expect(pmg.getByTestId('version-3').count()).resolves.toBe(0);
  });

  test('after a line manager’s change: version 3 is created, shown, and compared with version 2', async () => {
    const manager = await asMember(harness.origin, COUNCIL_MANAGER);
    const current = await manager.current(COUNCIL);
    const changed = structuredClone(current.submission);
    changed.commitments[0]!.quantity += 1;
    expect((await manager.put(COUNCIL, rawTablesOf(changed), current.version)).status).toBe(201);

    await pmg.getByRole('button', { name: 'Consolidate…' }).click();
    await pmg.getByRole('dialog').getByRole('button', { name: 'Consolidate', exact: true }).click();
    const result = pmg.getByTestId('consolidate-result');
    await see(result, 'Register version 3 created');
    await see(result, 'Partners can now sign it off');
    await see(pmg.getByTestId('version-3'), '0 of 6 confirmed');
    await expect(pmg.getByTestId('version-3').getAttribute('aria-current')).resolves.toBe('true');
    expect(pmg.url()).toMatch(/#v3$/);
    await see(pmg.getByRole('heading', { level: 2, name: 'Register version 3' }), 'Register version 3');
    const changes = pmg.getByTestId('changes');
    await see(changes, 'What changed since version 2');
    await see(changes, /Changed: Northshire County Council, NCC-01 .*Quantity 2 → 3/);
    await pmg.getByLabel('From version').selectOption('1');
    await see(changes, 'What changed since version 1');
    await see(changes, /Changed: Northshire County Council, NCC-01 .*Quantity 1 → 3/);
    expect(await axeViolations(pmg)).toEqual([]);
    await shot(pmg, 'consolidated-v3');
  });
});
