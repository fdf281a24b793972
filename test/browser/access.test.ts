/**
 * The task pane at 320 px (Excel's narrowest pane), in forced colours (Windows high contrast) and by keyboard
 * only; the register page at 320 px and by keyboard only. Each main view is checked for anything running off
 * the pane or the screen, and screenshotted, in normal and forced colours, under test/browser/artifacts/access/.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import {
  ARTIFACTS,
  asMember,
  axeViolations,
  cell,
  fill,
  fillFirstWorkbook,
  notice,
  rawTablesOf,
  see,
  startHarness,
  type Harness,
} from './pane.js';

const ORG = 'harbourline-water';
const MANAGER = 'tom.ashworth@harbourlinewater.co.uk.example';
const CHAIR = 'oda.chair@northshire.gov.uk.example';
const GOVERNING_MANAGER = 'helen.marsh@northshire.gov.uk.example';
const VIEWER = 'internal.audit@northshire.gov.uk.example';

const SHOTS = path.join(ARTIFACTS, 'access');
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await harness?.close();
});

/** The PMG consolidates a new register version (through the API); its number. */
async function consolidate(): Promise<number> {
  const res = await fetch(`${harness.origin}/api/dev/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: CHAIR }),
  });
  const { token } = (await res.json()) as { token: string };
  const made = await fetch(`${harness.origin}/api/registers`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: '{}',
  });
  expect(made.status).toBe(201);
  return ((await made.json()) as { version: number }).version;
}

/**
 * A computed style of the element (or its pseudo-element) once the transitions the last change set off have run:
 * Fluent fades a button's colour over 100 ms, and a read in between gives a colour that is neither state's.
 */
async function restingStyle(locator: Locator, property: string, pseudo?: string): Promise<string> {
  return locator.evaluate(
    async (el, [prop, pseudoElement]) => {
      getComputedStyle(el, pseudoElement).getPropertyValue(prop); // starts any transition still pending
      await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
      await Promise.all(
        el
          .getAnimations({ subtree: true })
          .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
          .map((a) => a.finished.catch(() => undefined)),
      );
      return getComputedStyle(el, pseudoElement).getPropertyValue(prop);
    },
    [property, pseudo] as const,
  );
}

/** Waits for a dialog to finish fading in, so its screenshot shows what a person reads. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

/** A screenshot of the view as it is, then the same view in forced colours (both looked at by a person). */
async function shots(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
  await page.emulateMedia({ forcedColors: 'active' });
  await page.screenshot({ path: path.join(SHOTS, `${name}-forced-colours.png`), fullPage });
  await page.emulateMedia({ forcedColors: 'none' });
}

/**
 * What runs off `root` sideways: the root itself when it scrolls sideways, and each visible element whose box
 * reaches past the root's left or right edge (an element inside a region that scrolls sideways on purpose, a
 * wide table, is that region's business). Empty when everything fits.
 */
async function overflow(page: Page, root: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const box = document.querySelector(selector)!;
    const edge = box === document.documentElement ? { left: 0, right: window.innerWidth } : box.getBoundingClientRect();
    const out: string[] = [];
    if (box.scrollWidth > box.clientWidth + 1)
      out.push(`${selector} scrolls sideways: ${box.scrollWidth} > ${box.clientWidth}`);
    for (const el of Array.from(box.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect();
      // Fluent's focus guards (tabster's <i data-tabster-dummy>) are 1 px and invisible, wherever they sit.
      if ((r.width === 0 && r.height === 0) || el.hasAttribute('data-tabster-dummy')) continue;
      let scroller: Element | null = el.parentElement;
      while (scroller && scroller !== box && !['auto', 'scroll'].includes(getComputedStyle(scroller).overflowX)) {
        scroller = scroller.parentElement;
      }
      if (scroller && scroller !== box) continue;
      // Text too long for its box (a word that cannot break) runs out of it without widening the box.
      const style = getComputedStyle(el);
      const text = (el.textContent ?? '').trim();
      // (A Fluent tab keeps a hidden bold copy of its label to hold its width: not text anyone sees overflow.)
      if (
        text &&
        el.getAttribute('role') !== 'tab' &&
        el.clientWidth > 0 &&
        el.scrollWidth > el.clientWidth + 1 &&
        style.overflowX === 'visible'
      ) {
        out.push(`<${el.tagName.toLowerCase()}> text overflows: "${(el.textContent ?? '').trim().slice(0, 60)}"`);
      }
      if (r.right > edge.right + 1 || r.left < edge.left - 1) {
        const text = (el.textContent ?? '').trim().slice(0, 60);
        out.push(`<${el.tagName.toLowerCase()}> ${Math.round(r.left)}..${Math.round(r.right)} "${text}"`);
      }
    }
    return out;
  }, root);
}

/** Where the focus is: its role or tag and its accessible text, for the assertions of the keyboard walk. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const label =
      el.getAttribute('aria-label') ??
      (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ??
      (el as HTMLElement).innerText ??
      '';
    return `${el.getAttribute('role') ?? el.tagName.toLowerCase()}: ${label.trim()}`;
  });
}

/**
 * Waits until the focus is on the element whose `focused()` label is `label` (or matches it): the pane moves the
 * focus after it renders, so a single read can come too early. Fails naming where the focus is instead.
 */
async function focusIs(page: Page, label: string | RegExp): Promise<void> {
  const [source, flags, exact] = typeof label === 'string' ? [label, '', true] : [label.source, label.flags, false];
  try {
    await page.waitForFunction(
      ([source, flags, exact]) => {
        const el = document.activeElement;
        let at = 'body';
        if (el && el !== document.body) {
          const text =
            el.getAttribute('aria-label') ??
            (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ??
            (el as HTMLElement).innerText ??
            '';
          at = `${el.getAttribute('role') ?? el.tagName.toLowerCase()}: ${text.trim()}`;
        }
        return exact ? at === source : new RegExp(source as string, flags as string).test(at);
      },
      [source, flags, exact] as const,
      { timeout: 10_000 },
    );
  } catch {
    throw new Error(`The focus never reached ${String(label)}; it is on ${await focused(page)}`);
  }
}

/** Waits until `locator`'s element has the focus. */
async function focusOn(page: Page, locator: Locator): Promise<void> {
  await page.waitForFunction((el) => el === document.activeElement, await locator.elementHandle(), {
    timeout: 10_000,
  });
}

/**
 * How the focused element shows it has the focus: an outline, or a border or outline on its ::after (Fluent's
 * focus ring), or a box shadow, that is there only while it has the focus; null when nothing shows.
 */
async function focusIndicator(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const ring = (target: HTMLElement, pseudo?: string) => {
      const s = getComputedStyle(target, pseudo);
      const parts: string[] = [];
      if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1)
        parts.push(`outline ${s.outlineWidth} ${s.outlineStyle} ${s.outlineColor}`);
      if (pseudo && s.content !== 'none' && parseFloat(s.borderTopWidth) >= 1 && s.borderTopStyle !== 'none')
        parts.push(`${pseudo} border ${s.borderTopWidth} ${s.borderTopColor}`);
      if (s.boxShadow !== 'none') parts.push(`shadow ${s.boxShadow}`);
      return parts.join('; ');
    };
    const now = [ring(el), ring(el, '::after'), ring(el, '::before')].join(' | ');
    // The same element's look without the focus: a ring that is always there is no focus indicator.
    const clone = el.cloneNode(true) as HTMLElement;
    clone.removeAttribute('data-fui-focus-visible');
    clone.removeAttribute('id');
    el.parentElement!.insertBefore(clone, el.nextSibling);
    const unfocused = [ring(clone), ring(clone, '::after'), ring(clone, '::before')].join(' | ');
    clone.remove();
    return now !== unfocused ? now : null;
  });
}

/**
 * Presses Tab (or Shift+Tab) until the focus is on `target`, at most `limit` times; every stop on the way must
 * show that it has the focus. Fails naming where the focus went instead.
 */
async function tabTo(page: Page, target: RegExp, { back = false, limit = 12 } = {}): Promise<void> {
  const seen: string[] = [];
  for (let n = 0; n < limit; n++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const at = await focused(page);
    seen.push(at);
    const indicator = await focusIndicator(page);
    if (at !== 'body' && !at.startsWith('span:') && indicator === null) {
      throw new Error(`No visible focus indicator on ${at}`);
    }
    if (target.test(at)) return;
  }
  throw new Error(`Tabbed ${limit} times without reaching ${String(target)}; the focus went to: ${seen.join(' → ')}`);
}

/** Into the pane from the workbook, as F6 moves between Excel's grid and the add-in's pane. */
async function enterPane(page: Page): Promise<void> {
  await page.locator('[data-testid="pane"]').evaluate((el) => {
    el.setAttribute('tabindex', '-1');
    (el as HTMLElement).focus();
  });
}

/** The harness page: the workbook beside a 320 px pane (`width` 320: the pane alone, as Excel's dialogs see it). */
async function openAt320(url: string, width = 1100): Promise<Page> {
  const page = await harness.browser.newPage({ viewport: { width, height: 900 }, bypassCSP: true });
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  (page as Page & { errors?: string[] }).errors = errors;
  await page.goto(url);
  return page;
}

async function paneShots(page: Page, name: string): Promise<void> {
  await page.locator('[data-testid="pane"]').screenshot({ path: path.join(SHOTS, `pane-${name}.png`) });
  await page.emulateMedia({ forcedColors: 'active' });
  await page.locator('[data-testid="pane"]').screenshot({ path: path.join(SHOTS, `pane-${name}-forced-colours.png`) });
  await page.emulateMedia({ forcedColors: 'none' });
}

describe('the task pane at 320 px, by keyboard only', () => {
  let page: Page;

  beforeAll(async () => {
    page = await openAt320(`${harness.origin}/harness.html?pane=320`);
    await page.getByTestId('dev-member').waitFor();
  });

  afterAll(async () => {
    await page?.close();
  });

  test('signs in: a member chosen with the arrow keys, Enter on Sign in, then the focus on the first tab', async () => {
    await page.locator('[data-testid="dev-member"] optgroup option').first().waitFor({ state: 'attached' });
    await expect(overflow(page, '[data-testid="pane"]')).resolves.toEqual([]);
    await paneShots(page, '01-signed-out');
    await enterPane(page);
    await tabTo(page, /^select: Sign in as/, { limit: 2 });
    for (let n = 0; n < 40 && (await page.getByTestId('dev-member').inputValue()) !== MANAGER; n++) {
      await page.keyboard.press('ArrowDown');
    }
    await expect(page.getByTestId('dev-member').inputValue()).resolves.toBe(MANAGER);
    await tabTo(page, /^button: Sign in$/, { limit: 1 });
    await page.keyboard.press('Enter');
    await page.getByTestId('who').waitFor();
    // The sign-in form is gone; the focus goes to the selected tab, not to the top of the page.
    await focusIs(page, 'tab: Workbook');
    await expect(focusIndicator(page)).resolves.not.toBeNull();
  });

  test('Set up, Check, Enter on an issue selects its cell; the fix typed there; Submit', async () => {
    await tabTo(page, /^button: Set up workbook$/, { limit: 1 });
    await page.keyboard.press('Enter');
    await see(notice(page, 'success'), 'The workbook is set up');
    await fillFirstWorkbook(page);
    await enterPane(page);
    await tabTo(page, /^button: Check$/);
    await page.keyboard.press('Enter');
    await see(notice(page, 'warning'), '1 error to fix');
    await expect(overflow(page, '[data-testid="pane"]')).resolves.toEqual([]);
    await paneShots(page, '02-checked');
    await tabTo(page, /C2/);
    await page.keyboard.press('Enter');
    const c2 = cell(page, 'Contacts', 'C2');
    await focusOn(page, c2);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('tina.tapp@harbourlinewater.co.uk.example');
    await enterPane(page);
    await tabTo(page, /^button: Submit$/);
    await page.keyboard.press('Enter');
    await see(notice(page, 'success'), 'Submitted as version 1');
    await expect(overflow(page, '[data-testid="pane"]')).resolves.toEqual([]);
    await paneShots(page, '03-submitted');
  });

  test('Get latest asks first: Escape, then Keep my workbook, each gives the focus back to Get latest', async () => {
    await fill(page, 'Contacts', { B2: 'Chief data officer' });
    await enterPane(page);
    await tabTo(page, /^button: Get latest$/);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await see(dialog, 'Replace your changes?');
    await page.waitForFunction((d) => d!.contains(document.activeElement), await dialog.elementHandle(), {
      timeout: 10_000,
    });
    await expect(overflow(page, '[data-testid="pane"]')).resolves.toEqual([]);
    await page.setViewportSize({ width: 320, height: 900 });
    await expect(overflow(page, '[role="dialog"] .fui-DialogContent')).resolves.toEqual([]);
    await settled(page);
    await page.screenshot({ path: path.join(SHOTS, 'pane-04-get-latest-dialog.png') });
    await page.emulateMedia({ forcedColors: 'active' });
    await page.screenshot({ path: path.join(SHOTS, 'pane-04-get-latest-dialog-forced-colours.png') });
    await page.emulateMedia({ forcedColors: 'none' });
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await focusIs(page, 'button: Get latest');
    await page.keyboard.press('Enter');
    await see(page.getByRole('dialog'), 'Replace your changes?');
    await focusIs(page, 'button: Keep my workbook');
    await expect(focusIndicator(page)).resolves.not.toBeNull();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await focusIs(page, 'button: Get latest');
    await expect(cell(page, 'Contacts', 'B2').inputValue()).resolves.toBe('Chief data officer');
  });

  test('a conflict at 320 px: the heading and the long e-mail address wrap; Take theirs by keyboard', async () => {
    const chair = await asMember(harness.origin, CHAIR);
    const v1 = await chair.current(ORG);
    const theirs = structuredClone(v1.submission);
    theirs.contacts[0]!.jobTitle = 'Head of Data';
    await expect(chair.put(ORG, rawTablesOf(theirs), 1)).resolves.toMatchObject({ status: 201 });
    await enterPane(page);
    await tabTo(page, /^button: Submit$/);
    await page.keyboard.press('Enter');
    await see(page.getByTestId('conflict'), `Version 2 was submitted by ${CHAIR}`);
    await expect(overflow(page, '[data-testid="pane"]')).resolves.toEqual([]);
    await paneShots(page, '05-conflict');
    await tabTo(page, /Take theirs/, { limit: 20 });
    await page.keyboard.press('Enter');
    await see(notice(page, 'success'), 'The workbook now holds version 2');
    await expect(overflow(page, '[data-testid="pane"]')).resolves.toEqual([]);
  });

  test('switches tabs with the arrow keys and Enter; the Sign off view fits', async () => {
    await enterPane(page);
    await tabTo(page, /^tab: Workbook$/);
    await page.keyboard.press('ArrowRight');
    await expect(focused(page)).resolves.toBe('tab: Sign off');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('tab', { name: 'Sign off' }).getAttribute('aria-selected')).resolves.toBe('true');
    await see(page.getByTestId('pane'), 'There is no register yet: the PMG consolidates one first.');
    await expect(overflow(page, '[data-testid="pane"]')).resolves.toEqual([]);
    await paneShots(page, '06-sign-off-before-any-register');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Space');
    await expect(page.getByRole('tab', { name: 'Workbook' }).getAttribute('aria-selected')).resolves.toBe('true');
    // Sign out takes its button away: the focus stays in the pane, and the next Tab reaches the sign-in.
    await tabTo(page, /^button: Sign out$/, { back: true, limit: 2 });
    await page.keyboard.press('Enter');
    await page.getByTestId('dev-member').waitFor();
    await expect(focused(page)).resolves.not.toBe('body');
    await tabTo(page, /^select: Sign in as/, { limit: 1 });
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
  });
});

describe('the other views at 320 px', () => {
  let registerVersion = 0;

  beforeAll(async () => {
    registerVersion = await consolidate();
  });

  async function signedIn(email: string): Promise<Page> {
    const page = await openAt320(`${harness.origin}/harness.html?pane=320`, 320);
    await page.getByTestId('dev-member').selectOption(email);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByTestId('who').waitFor();
    return page;
  }

  test('the PMG view: the version picker’s whole label, errors included, can be read', async () => {
    const pmg = await signedIn(CHAIR);
    await pmg.getByRole('tab', { name: 'PMG' }).click();
    await see(pmg.getByTestId('pmg'), /Cross-partner issues: \d+/);
    const picker = pmg.getByRole('combobox', { name: 'Register version' });
    const label = await picker.evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]!.textContent!);
    expect(label).toMatch(/\d+ errors?$/);
    // The select cuts a long label off at the pane's edge; the whole label shows under it, wrapped.
    await see(pmg.getByTestId('register-version-chosen'), label);
    await expect(pmg.getByTestId('register-version-chosen').isVisible()).resolves.toBe(true);
    await expect(overflow(pmg, '[data-testid="pane"]')).resolves.toEqual([]);
    await paneShots(pmg, '07-pmg');
    await pmg.getByTestId('data-flows').scrollIntoViewIfNeeded();
    await paneShots(pmg, '07-pmg-data-flows');
    await pmg.getByRole('tab', { name: 'Sign off' }).click();
    await pmg.getByRole('combobox', { name: 'On behalf of the organisation' }).waitFor();
    await expect(overflow(pmg, '[data-testid="pane"]')).resolves.toEqual([]);
    await paneShots(pmg, '08-pmg-sign-off');
    await pmg.close();
  });

  test('a governing partner’s sign-off and its dialog; Cancel gives the focus back to the opener', async () => {
    const helen = await signedIn(GOVERNING_MANAGER);
    await helen.getByRole('tab', { name: 'Sign off' }).click();
    await see(helen.getByTestId('about-us'), `What version ${registerVersion} says about`);
    await expect(overflow(helen, '[data-testid="pane"]')).resolves.toEqual([]);
    await paneShots(helen, '09-sign-off');
    const opener = helen.getByRole('button', { name: new RegExp(`^Sign off version ${registerVersion} for`) });
    await opener.focus();
    await helen.keyboard.press('Enter');
    const dialog = helen.getByRole('dialog');
    await see(dialog, `You confirm register version ${registerVersion}`);
    await expect(overflow(helen, '[role="dialog"] .fui-DialogContent')).resolves.toEqual([]);
    await settled(helen);
    await helen.screenshot({ path: path.join(SHOTS, 'pane-10-sign-off-dialog.png') });
    await helen.emulateMedia({ forcedColors: 'active' });
    await helen.screenshot({ path: path.join(SHOTS, 'pane-10-sign-off-dialog-forced-colours.png') });
    await helen.emulateMedia({ forcedColors: 'none' });
    await tabTo(helen, /^button: Cancel$/, { limit: 4 });
    await helen.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await focusOn(helen, opener);
    await helen.close();
  });

  test('a viewer’s register view', async () => {
    const viewer = await signedIn(VIEWER);
    await viewer.getByRole('tab', { name: 'Register' }).click();
    await see(viewer.getByTestId('read-only'), 'viewers do not sign off');
    await expect(overflow(viewer, '[data-testid="pane"]')).resolves.toEqual([]);
    await paneShots(viewer, '11-viewer');
    await viewer.close();
  });
});

describe('forced colours (high contrast)', () => {
  test('the selected tab, the focus ring, an error badge and a disabled button stay distinguishable', async () => {
    const page = await openAt320(`${harness.origin}/harness.html?pane=320`);
    await page.emulateMedia({ forcedColors: 'active' });
    // Signed out: Sign in is disabled until a member is chosen, and must not look like an enabled button.
    const signIn = page.getByRole('button', { name: 'Sign in', exact: true });
    await signIn.waitFor();
    await expect(signIn.isDisabled()).resolves.toBe(true);
    const disabledColour = await restingStyle(signIn, 'color');
    await page.getByTestId('dev-member').selectOption(MANAGER);
    await page.waitForFunction((b) => !(b as HTMLButtonElement).disabled, await signIn.elementHandle());
    const enabledColour = await restingStyle(signIn, 'color');
    expect(disabledColour).not.toBe(enabledColour);
    await signIn.click();
    await page.getByTestId('who').waitFor();
    // The selected tab's bar is drawn in a system colour (a plain colour would be painted over with Canvas).
    const bar = (name: string) =>
      Promise.all(
        ['::after', '::before'].map((pseudo) =>
          restingStyle(page.getByRole('tab', { name }), 'background-color', pseudo),
        ),
      ).then((colours) => colours.join(' '));
    const canvas = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const selected = await bar('Workbook');
    const other = await bar('Sign off');
    expect(selected).not.toBe(other);
    expect(selected.split(' ').some((c) => c !== canvas && c !== 'rgba(0, 0, 0, 0)')).toBe(true);
    await enterPane(page);
    await tabTo(page, /^tab: Workbook$/);
    await expect(focusIndicator(page)).resolves.not.toBeNull();
    await page.locator('[data-testid="pane"]').screenshot({ path: path.join(SHOTS, 'forced-colours-tab-focused.png') });
    await page.close();
  });
});

describe('the register page at 320 px, by keyboard only', () => {
  let page: Page;

  beforeAll(async () => {
    // A second register version, after a line manager's change, so there are two versions to compare.
    const manager = await asMember(harness.origin, MANAGER);
    const current = await manager.current(ORG);
    const changed = structuredClone(current.submission);
    changed.commitments[0]!.quantity += 1;
    expect((await manager.put(ORG, rawTablesOf(changed), current.version)).status).toBe(201);
    expect(await consolidate()).toBe(2);
    page = await harness.browser.newPage({
      viewport: { width: 320, height: 720 },
      isMobile: true,
      acceptDownloads: true,
      bypassCSP: true,
    });
    await page.goto(`${harness.origin}/`);
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
  });

  afterAll(async () => {
    await page?.close();
  });

  test('signs in, chooses a version, downloads an appendix and compares, all by keyboard', async () => {
    await expect(overflow(page, 'html')).resolves.toEqual([]);
    await shots(page, 'register-01-signed-out');
    await tabTo(page, /^a: Skip to the register$/, { limit: 1 });
    await tabTo(page, /^select: Sign in as/, { limit: 3 });
    for (let n = 0; n < 40 && (await page.getByTestId('dev-member').inputValue()) !== VIEWER; n++) {
      await page.keyboard.press('ArrowDown');
    }
    await expect(page.getByTestId('dev-member').inputValue()).resolves.toBe(VIEWER);
    await tabTo(page, /^button: Sign in$/, { limit: 1 });
    await page.keyboard.press('Enter');
    await page.getByTestId('version-detail').waitFor();
    await expect(overflow(page, 'html')).resolves.toEqual([]);
    await shots(page, 'register-02-signed-in');
    // In forced colours the chosen version is still told apart from the others by its border's colour (a
    // system colour; its blue background is gone and its blue border painted like every other).
    await page.emulateMedia({ forcedColors: 'active' });
    const border = (v: number) => restingStyle(page.getByTestId(`version-${v}`), 'border-top-color');
    expect(await border(2)).not.toBe(await border(1));
    await page.emulateMedia({ forcedColors: 'none' });

    await tabTo(page, /^button: Version 1/, { limit: 8 });
    await page.keyboard.press('Enter');
    await see(page.getByRole('heading', { level: 2, name: /Register version 1/ }), 'Register version 1');
    await tabTo(page, /^button: Download JSON/, { limit: 20 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/-v1-[a-z]+\.json$/);
    await see(page.getByTestId('downloads'), `Saved ${download.suggestedFilename()}`);
    await tabTo(page, /To version/, { limit: 40 });
    await page.keyboard.press('ArrowUp'); // newest first: version 2 is above version 1
    await see(page.getByTestId('changes'), /What changed (from version 1 to version 2|since version 1)/);
    await expect(overflow(page, 'html')).resolves.toEqual([]);
    await page.getByTestId('changes').scrollIntoViewIfNeeded();
    await shots(page, 'register-03-compared');
  });

  test('the partners table and the role matrix keep their row labels when scrolled sideways', async () => {
    for (const part of ['partners', 'matrix']) {
      const region = page.getByTestId(part).locator('.scroll').first();
      await region.scrollIntoViewIfNeeded();
      const before = await region.evaluate((r) => {
        r.scrollLeft = 0;
        return r.scrollWidth - r.clientWidth;
      });
      expect(before).toBeGreaterThan(40);
      await region.evaluate((r) => {
        r.scrollLeft = r.scrollWidth;
      });
      const { regionLeft, labelLeft } = await region.evaluate((r) => ({
        regionLeft: r.getBoundingClientRect().left,
        labelLeft: r.querySelector('tbody th[scope="row"]')!.getBoundingClientRect().left,
      }));
      expect(Math.abs(labelLeft - regionLeft)).toBeLessThanOrEqual(2);
      await shots(page, `register-04-${part}-scrolled`);
    }
    expect(await axeViolations(page)).toEqual([]);
  });
});
