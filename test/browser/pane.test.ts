/**
 * The task pane in headless Chromium, on the harness page (the real pane beside an in-memory workbook),
 * against the real service (a free port, a temporary DATA_DIR seeded with the demo partnership): a line
 * manager sets up, fills, checks and submits; a network fault mid-submit; a second manager's newer versions
 * and the conflict resolved both ways; Get latest; the PMG consolidates and loads the register; a governing
 * partner signs off. A screenshot of each step goes to test/browser/artifacts/.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import {
  asMember,
  axeViolations,
  cell,
  fill,
  fillFirstWorkbook,
  notice,
  openPane,
  rawTablesOf,
  see,
  shot,
  showSheet,
  startHarness,
  type Harness,
} from './pane.js';

const ORG = 'harbourline-water';
const MANAGER = 'tom.ashworth@harbourlinewater.co.uk.example';
const CHAIR = 'oda.chair@northshire.gov.uk.example';
const GOVERNING_MANAGER = 'helen.marsh@northshire.gov.uk.example';
const SECOND_MANAGER = 'nina.ray@harbourlinewater.co.uk.example';
const VIEWER = 'internal.audit@northshire.gov.uk.example';

let harness: Harness;
let page: Page;

beforeAll(async () => {
  harness = await startHarness();
  page = await openPane(harness, MANAGER);
});

afterAll(async () => {
  await harness?.close();
});

describe('a line manager in the task pane', () => {
  test('the sign-in view: no accessibility violation, and the sign-in list names each member’s role', async () => {
    const signedOut = await harness.browser.newPage({ viewport: { width: 1280, height: 860 }, bypassCSP: true });
    await signedOut.goto(`${harness.origin}/harness.html`);
    await signedOut.getByTestId('dev-member').waitFor();
    // Nobody is chosen for the user (the first member used to be, a line manager), so Sign in waits for a choice.
    await signedOut.locator('[data-testid="dev-member"] optgroup option').first().waitFor({ state: 'attached' });
    await expect(signedOut.getByTestId('dev-member').inputValue()).resolves.toBe('');
    await expect(signedOut.getByRole('button', { name: 'Sign in', exact: true }).isDisabled()).resolves.toBe(true);
    await expect(signedOut.locator(`option[value="${MANAGER}"]`).textContent()).resolves.toMatch(
      /\(line manager, .+\)/,
    );
    expect(await axeViolations(signedOut)).toEqual([]);
    await signedOut.close();
  });

  test('sets up an empty workbook: the five tables, About pre-filled for their organisation', async () => {
    await shot(page, 'signed-in');
    await page.getByRole('button', { name: 'Set up workbook' }).click();
    await see(notice(page, 'success'), 'The workbook is set up');
    for (const sheet of ['About', 'Contacts', 'Commitments', 'Roles', 'Participation']) {
      await expect(page.locator(`[data-sheet-tab="${sheet}"]`).count()).resolves.toBe(1);
    }
    await showSheet(page, 'About');
    await expect(cell(page, 'About', 'B2').inputValue()).resolves.toBe(ORG);
    await shot(page, 'set-up');
  });

  test('fills it in, checks it: issues grouped by sheet, and a click selects the cell', async () => {
    await fillFirstWorkbook(page);
    await fill(page, 'Participation', { A2: 'Data providers forum', B2: 'Tina Tapp', C2: 'Monthly', D2: 'Video call' });
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await see(notice(page, 'warning'), '1 error to fix');
    const group = page.getByTestId('issues-Contacts');
    await see(group, 'Contacts: 1 error');
    await showSheet(page, 'Contacts');
    await expect(cell(page, 'Contacts', 'C2').getAttribute('data-highlighted')).resolves.toBe('true');
    await showSheet(page, 'About');
    await group.locator('button[data-cell="C2"]').click();
    const selected = cell(page, 'Contacts', 'C2');
    await expect(selected.getAttribute('data-selected')).resolves.toBe('true');
    await expect(selected.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await shot(page, 'check-issue-selected');
    expect(await axeViolations(page)).toEqual([]);
  });

  test('submits once the error is fixed: version 1, kept as the workbook’s base', async () => {
    await fill(page, 'Contacts', { C2: 'tina.tapp@harbourlinewater.co.uk.example' });
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await see(notice(page, 'success'), 'Submitted as version 1');
    await see(page.getByTestId('base'), `Based on version 1 by ${MANAGER}`);
    await expect(cell(page, 'Contacts', 'C2').getAttribute('data-highlighted')).resolves.toBeNull();
    await shot(page, 'submitted-v1');
  });

  test('a network fault in the middle of a submit: a specific message, the edit kept', async () => {
    await fill(page, 'Commitments', { D2: '4' });
    await page.route('**/api/organisations/*/submission', (route) =>
      route.request().method() === 'PUT' ? route.abort('internetdisconnected') : route.continue(),
    );
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await see(notice(page, 'error'), 'No connection to the service');
    await see(notice(page, 'error'), 'Your workbook is unchanged');
    await expect(cell(page, 'Commitments', 'D2').inputValue()).resolves.toBe('4');
    await shot(page, 'network-fault');
    await page.unroute('**/api/organisations/*/submission');
  });

  test('the Harbourline case: two managers edit different things; the merge keeps both and A is told', async () => {
    // B, a second Harbourline manager added to the catalogue, gets version 1 into their own workbook.
    const chair = await asMember(harness.origin, CHAIR);
    await chair.addMember({ email: SECOND_MANAGER, organisationId: ORG, role: 'line-manager' });
    const b = await openPane(harness, SECOND_MANAGER);
    await b.getByRole('button', { name: 'Set up workbook' }).click();
    await see(notice(b, 'success'), 'The workbook is set up');
    await b.getByRole('button', { name: 'Get latest' }).click();
    await see(notice(b, 'success'), 'The workbook now holds version 1');

    // A (Tom) changes commitment D1 (description, and the quantity already typed) and submits version 2.
    await fill(page, 'Commitments', { C2: 'Monthly reservoir, leakage and demand extracts' });
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await see(notice(page, 'success'), 'Submitted as version 2');

    // B changes a contact's job title and submits over version 1: the merge needs no question.
    await fill(b, 'Contacts', { B2: 'Head of Data' });
    await b.getByRole('button', { name: 'Submit', exact: true }).click();
    const conflict = b.getByTestId('conflict');
    await see(conflict, `Version 2 was submitted by ${MANAGER}`);
    const merged = b.getByTestId('merged');
    await see(
      merged,
      'From version 2: Commitments D1 · Monthly reservoir, leakage and demand extracts: Description, Quantity',
    );
    await see(merged, 'From your workbook: Contacts Tina Tapp · tina.tapp@harbourlinewater.co.uk.example: Job title');
    await expect(b.getByTestId('questions').count()).resolves.toBe(0);
    await see(b.getByTestId('keep-mine-undoes'), `Undoes ${MANAGER}’s changes: Commitments D1`);
    await see(b.getByTestId('take-theirs-undoes'), 'Undoes your changes: Contacts Tina Tapp');
    await shot(b, 'merge-no-question');
    await b.getByRole('button', { name: /Submit the merge/ }).click();
    await see(notice(b, 'success'), 'Submitted as version 3');
    await see(notice(b, 'success'), `It holds your changes and ${MANAGER}’s`);
    await showSheet(b, 'Commitments');
    await expect(cell(b, 'Commitments', 'D2').inputValue()).resolves.toBe('4');
    const v3 = await chair.current(ORG);
    expect(v3.version).toBe(3);
    expect(v3.submission.commitments[0]).toMatchObject({
      description: 'Monthly reservoir, leakage and demand extracts',
      quantity: 4,
    });
    expect(v3.submission.contacts[0]!.jobTitle).toBe('Head of Data');
    await shot(b, 'merge-submitted-v3');
    await b.close();

    // A, at the next Get latest, is told which of their changes were merged, and by whom.
    await page.getByRole('button', { name: 'Get latest' }).click();
    await see(notice(page, 'success'), 'The workbook now holds version 3');
    await see(
      notice(page, 'success'),
      `Your changes merged by ${SECOND_MANAGER}: Commitments D1 · Monthly reservoir, leakage and demand extracts: Description, Quantity.`,
    );
    await showSheet(page, 'Contacts');
    await expect(cell(page, 'Contacts', 'B2').inputValue()).resolves.toBe('Head of Data');
    await shot(page, 'told-merged');
  });

  test('a field both changed: base, mine and theirs to choose; the choice is what is submitted', async () => {
    const chair = await asMember(harness.origin, CHAIR);
    const v3 = await chair.current(ORG);
    const theirs = structuredClone(v3.submission);
    theirs.contacts[0]!.jobTitle = 'Chief Data Officer';
    theirs.participation.push({
      forum: 'Data quality group',
      representative: 'Omar Ortiz',
      frequency: 'quarterly',
      channel: 'email',
      notes: null,
    });
    await expect(chair.put(ORG, rawTablesOf(theirs), 3)).resolves.toMatchObject({ status: 201, body: { version: 4 } });

    await fill(page, 'Contacts', { B2: 'Data Lead' });
    await fill(page, 'Commitments', { D2: '5' });
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    const questions = page.getByTestId('questions');
    await see(questions, 'Changed on both sides: 1 question');
    const jobTitle = page.getByRole('radiogroup', { name: /Job title$/ });
    await see(jobTitle, 'Before (base): Head of Data');
    await see(jobTitle, 'Yours: Data Lead');
    await see(jobTitle, `Theirs (${CHAIR}): Chief Data Officer`);
    await see(page.getByTestId('merged'), 'From version 4: Participation Data quality group added');
    await shot(page, 'merge-question');
    expect(await axeViolations(page)).toEqual([]);
    await jobTitle.getByRole('radio', { name: /Theirs/ }).check();

    // Excel on the web reloads a pane left idle: it signs in again by itself and the merge comes back, with the
    // choice made, fetched again from the service (the workbook keeps only which versions and which choices).
    await page.waitForFunction(() =>
      JSON.stringify(
        (window as unknown as { harness: { workbook: { paneStates: object } } }).harness.workbook.paneStates,
      ).includes('theirs'),
    );
    await page.reload();
    await see(page.getByTestId('who'), MANAGER);
    await see(notice(page, 'warning'), 'The merge you had open before the pane was reloaded is back');
    await see(page.getByTestId('base'), `Based on version 3 by ${SECOND_MANAGER}`);
    await see(page.getByTestId('questions'), 'Changed on both sides: 1 question');
    await expect(jobTitle.getByRole('radio', { name: /Theirs/ }).isChecked()).resolves.toBe(true);
    await shot(page, 'reloaded-merge');
    await page.getByRole('button', { name: /Submit the merge/ }).click();
    await see(notice(page, 'success'), 'Submitted as version 5');
    const v5 = await chair.current(ORG);
    expect(v5.submission.contacts[0]!.jobTitle).toBe('Chief Data Officer');
    expect(v5.submission.commitments[0]!.quantity).toBe(5);
    expect(v5.submission.participation.map((p) => p.forum)).toEqual(['Data providers forum', 'Data quality group']);
    await shot(page, 'merge-question-submitted-v5');
  });

  test('another newer version: "take theirs" says what it undoes, then writes it into the tables', async () => {
    const chair = await asMember(harness.origin, CHAIR);
    const v5 = await chair.current(ORG);
    const theirs = structuredClone(v5.submission);
    theirs.contacts[0]!.jobTitle = 'Head of Data';
    await expect(chair.put(ORG, rawTablesOf(theirs), 5)).resolves.toMatchObject({ status: 201, body: { version: 6 } });

    await fill(page, 'Participation', { C2: 'Quarterly' });
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await page.getByTestId('conflict').waitFor();
    await see(
      page.getByTestId('take-theirs-undoes'),
      'Undoes your changes: Participation Data providers forum: Frequency.',
    );
    await page.getByRole('button', { name: /Take theirs/ }).click();
    await see(notice(page, 'success'), 'The workbook now holds version 6');
    await showSheet(page, 'Contacts');
    await expect(cell(page, 'Contacts', 'B2').inputValue()).resolves.toBe('Head of Data');
    await showSheet(page, 'Participation');
    await expect(cell(page, 'Participation', 'C2').inputValue()).resolves.toBe('Monthly');
    await see(page.getByTestId('base'), 'Based on version 6');
    await shot(page, 'took-theirs-v6');
  });

  test('get latest asks before replacing local changes', async () => {
    await fill(page, 'Contacts', { B2: 'Chief data officer' });
    await page.getByRole('button', { name: 'Get latest' }).click();
    const dialog = page.getByRole('dialog');
    await see(dialog, 'Replace your changes?');
    await shot(page, 'get-latest-confirm');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Keep my workbook' }).click();
    await expect(cell(page, 'Contacts', 'B2').inputValue()).resolves.toBe('Chief data officer');
    await page.getByRole('button', { name: 'Get latest' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Replace my tables' }).click();
    await see(notice(page, 'success'), 'The workbook now holds version 6');
    await expect(cell(page, 'Contacts', 'B2').inputValue()).resolves.toBe('Head of Data');
  });
});

describe('faults while submitting', () => {
  const PUT_URL = '**/api/organisations/*/submission';
  const problem = (status: number, detail: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ type: 'about:blank', title: 'Problem', status, detail, ...extra });

  async function submitAnswered(status: number, body: string, headers: Record<string, string> = {}) {
    await page.route(PUT_URL, (route) =>
      route.request().method() === 'PUT'
        ? route.fulfill({ status, contentType: 'application/problem+json', body, headers })
        : route.continue(),
    );
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
  }

  afterEach(async () => {
    await page.unrouteAll();
  });

  test('413: too large to send', async () => {
    await submitAnswered(413, problem(413, 'The request body is larger than the limit of 1 MB.'));
    await see(notice(page, 'error'), 'Too large to send');
    await see(notice(page, 'error'), 'larger than the limit of 1 MB');
    await shot(page, 'fault-413');
  });

  test('429: wait the seconds the service asks for', async () => {
    await submitAnswered(429, problem(429, 'Too many changes.'), { 'Retry-After': '17' });
    await see(notice(page, 'error'), 'The service asks you to wait 17 seconds');
  });

  test('5xx: the service had a problem, with the reference to give the PMG', async () => {
    await submitAnswered(500, problem(500, 'Internal error.', { requestId: 'req-e2e-500' }));
    await see(notice(page, 'error'), 'The service had a problem');
    await see(notice(page, 'error'), 'reference req-e2e-500');
    await showSheet(page, 'Contacts');
    await expect(cell(page, 'Contacts', 'B2').inputValue()).resolves.toBe('Head of Data');
  });

  test('an expired token is renewed silently once', async () => {
    let refused = 0;
    await page.route(PUT_URL, (route) => {
      if (route.request().method() === 'PUT' && refused === 0) {
        refused++;
        return route.fulfill({
          status: 401,
          contentType: 'application/problem+json',
          body: problem(401, 'The token has expired.'),
        });
      }
      return route.continue();
    });
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    // The workbook holds version 6 unchanged: the service stores nothing new, and the pane says so.
    await see(notice(page, 'info'), 'Nothing new to submit: the service already holds this as version 6');
    expect(refused).toBe(1);
  });

  test('when renewal fails too: a clear prompt to sign in again, and the workbook kept', async () => {
    await fill(page, 'Contacts', { B2: 'Head of Data Services' });
    await page.route('**/api/dev/token', (route) => route.abort('internetdisconnected'));
    await submitAnswered(401, problem(401, 'The token has expired.'));
    await see(page.getByTestId('notice-warning'), 'Your sign-in has expired');
    await see(page.getByTestId('notice-warning'), 'Your workbook is unchanged');
    await expect(cell(page, 'Contacts', 'B2').inputValue()).resolves.toBe('Head of Data Services');
    await shot(page, 'fault-signed-out');
    await page.unrouteAll();
    await page.getByTestId('dev-member').selectOption(MANAGER);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByTestId('who').waitFor();
  });
});

describe('the PMG and sign-off', () => {
  let registerVersion = 0;

  /** The register-version picker's chosen option, as the PMG and sign-off views both show it. */
  const chosenVersion = (p: Page) =>
    p
      .getByRole('combobox', { name: 'Register version' })
      .evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]?.textContent);
  const versionLabel = (version: number) =>
    new RegExp(`^Version ${version}, \\d{1,2} [A-Z][a-z]+ \\d{4}: \\d+ of \\d+ partners, \\d+ errors?$`);

  test('the PMG consolidates, sees the cross-partner issues, and loads the register into sheets', async () => {
    const pmg = await openPane(harness, CHAIR);
    await pmg.getByRole('tab', { name: 'PMG' }).click();
    await pmg.getByRole('button', { name: 'Consolidate now' }).click();
    await see(notice(pmg, 'success'), 'Register version');
    const text = (await notice(pmg, 'success').textContent()) ?? '';
    registerVersion = Number(/Register version (\d+)/.exec(text)?.[1]);
    expect(registerVersion).toBeGreaterThan(0);
    await expect(chosenVersion(pmg)).resolves.toMatch(versionLabel(registerVersion));
    await see(pmg.getByTestId('pmg'), /Cross-partner issues: \d+/);
    await shot(pmg, 'pmg-consolidated');
    expect(await axeViolations(pmg)).toEqual([]);
    await pmg.getByRole('button', { name: 'Load into sheets' }).click();
    await see(notice(pmg, 'success'), `Register version ${registerVersion} loaded`);
    const matrix = `v${registerVersion} Role matrix`;
    await showSheet(pmg, matrix);
    const letters = await pmg
      .locator(`[data-grid="${matrix}"] input`)
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value).filter((v) => /^[RACI]$/.test(v)));
    expect(letters.length).toBeGreaterThan(5);
    await showSheet(pmg, `v${registerVersion} Totals`);
    const totals = await pmg
      .locator(`[data-grid="v${registerVersion} Totals"] input`)
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(totals).toContain('All partners');
    await showSheet(pmg, matrix);
    await shot(pmg, 'pmg-register-loaded');
    const [download] = await Promise.all([
      pmg.waitForEvent('download'),
      pmg.getByRole('group', { name: 'MoU appendices' }).getByRole('button', { name: 'JSON' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`v${registerVersion}.*\\.json$`));
    await see(notice(pmg, 'success'), 'Downloaded');
    await pmg.close();
  });

  test('a partner sees every issue naming it, blocking first, before confirming version and digest', async () => {
    const icbManager = 'amira.haddad@northshire-icb.nhs.uk.example';
    const chair = await asMember(harness.origin, CHAIR);
    const stored = (await chair.get(`/api/registers/${registerVersion}`)) as {
      digest: string;
      register: {
        organisations: { id: string; name: string }[];
        issues: { severity: string; message: string; organisationId?: string }[];
      };
    };
    const name = stored.register.organisations.find((o) => o.id === 'northshire-icb')!.name;
    const naming = stored.register.issues.filter(
      (i) => i.organisationId === 'northshire-icb' || i.message.includes(name),
    );
    // The cross-partner error that names the ICB in its message only (no organisationId) is among them.
    expect(naming.some((i) => i.severity === 'error' && i.organisationId === undefined)).toBe(true);
    const icb = await openPane(harness, icbManager);
    await icb.getByRole('tab', { name: 'Sign off' }).click();
    const listed = icb.getByTestId('issues-ours').locator('li');
    await listed.first().waitFor();
    const texts = await listed.allTextContents();
    expect(texts).toHaveLength(naming.length);
    // Blocking first: every error before every warning.
    const severities = texts.map((t) => (t.startsWith('error') ? 'error' : 'warning'));
    expect(severities).toEqual([...severities].sort());
    for (const issue of naming) expect(texts.some((t) => t.includes(issue.message))).toBe(true);
    // Dates in words, as everywhere else (the ICB's commitment outside the MoU period): no ISO date.
    expect(texts.join('\n')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(texts.join('\n')).toMatch(/the MoU period 1 April 2025 to 31 March 2028/);
    await shot(icb, 'sign-off-issues');
    await icb.close();
  });

  test('a governing partner confirms version and digest in a dialog, signs, then withdraws', async () => {
    const chair = await asMember(harness.origin, CHAIR);
    const helen = await openPane(harness, GOVERNING_MANAGER);
    await helen.getByRole('tab', { name: 'Sign off' }).click();
    const about = helen.getByTestId('about-us');
    await see(about, `What version ${registerVersion} says about Northshire County Council`);
    // Money as a sentence says it, pence only when there are some: "£45,000 one-off and £120,000 a year".
    await see(about, /funding of £45,000 one-off and £120,000 a year;/);
    await see(about, /Funding, £120,000 a year,/);
    await expect(chosenVersion(helen)).resolves.toMatch(versionLabel(registerVersion));
    await shot(helen, 'sign-off-before');
    expect(await axeViolations(helen)).toEqual([]);
    const opener = helen.getByRole('button', {
      name: `Sign off version ${registerVersion} for Northshire County Council`,
    });
    await opener.click();
    const dialog = helen.getByRole('dialog');
    await see(
      dialog,
      new RegExp(
        `You confirm register version ${registerVersion}, digest sha256:[0-9a-f]{12}, for Northshire County Council`,
      ),
    );
    await shot(helen, 'sign-off-confirm');
    expect(await axeViolations(helen)).toEqual([]);
    // Escape cancels, and the focus goes back to the button that opened the dialog.
    await helen.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect(opener.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(helen.getByTestId('signed').count()).resolves.toBe(0);
    await opener.click();
    await helen
      .getByRole('dialog')
      .getByRole('button', { name: `Sign off version ${registerVersion}` })
      .click();
    await see(notice(helen, 'success'), `Signed off register version ${registerVersion}`);
    await see(helen.getByTestId('signed'), `Signed off by ${GOVERNING_MANAGER}`);
    await shot(helen, 'signed-off');

    await helen.getByRole('button', { name: 'Withdraw the sign-off' }).click();
    await helen.getByRole('dialog').getByRole('button', { name: 'Withdraw it' }).click();
    await see(notice(helen, 'info'), `Sign-off of register version ${registerVersion} withdrawn`);
    await expect(helen.getByTestId('signed').count()).resolves.toBe(0);
    const status = (await chair.get(`/api/registers/${registerVersion}/sign-offs`)) as { missing: string[] };
    expect(status.missing).toContain('northshire-county-council');
    await shot(helen, 'sign-off-withdrawn');
    await helen.close();
  });

  test('the PMG records a confirmation on a partner’s behalf, and says so', async () => {
    const pmg = await openPane(harness, CHAIR);
    await pmg.getByRole('tab', { name: 'Sign off' }).click();
    await pmg.getByRole('combobox', { name: 'On behalf of the organisation' }).selectOption('northshire-police');
    await pmg
      .getByRole('button', { name: `Record Northshire Police’s sign-off of version ${registerVersion}` })
      .click();
    await see(pmg.getByRole('dialog'), `on behalf of Northshire Police. It is recorded as made by you (${CHAIR})`);
    await pmg
      .getByRole('dialog')
      .getByRole('button', { name: `Sign off version ${registerVersion}` })
      .click();
    await see(notice(pmg, 'success'), `Recorded by ${CHAIR} on behalf of Northshire Police`);
    await pmg.close();
  });

  test('a viewer reads the register and cannot reach a sign-off control', async () => {
    const viewer = await openPane(harness, VIEWER);
    await expect(viewer.getByRole('tab', { name: 'Sign off' }).count()).resolves.toBe(0);
    await viewer.getByRole('tab', { name: 'Register' }).click();
    await see(viewer.getByTestId('read-only'), 'viewers do not sign off');
    await expect(viewer.getByRole('button', { name: /Sign off|Record|Withdraw/ }).count()).resolves.toBe(0);
    await shot(viewer, 'viewer-read-only');
    expect(await axeViolations(viewer)).toEqual([]);
    await viewer.close();
  });

  test('a partner that does not govern is told it does not sign', async () => {
    await page.getByRole('tab', { name: 'Sign off' }).click();
    await see(page.getByTestId('not-governing'), 'Harbourline Water Ltd is not a governing partner');
  });

  test('reloaded by Excel: back signed in on the tab it showed, with the base and Check’s result; else told why', async () => {
    // The line manager was left on the Sign off tab (the test before); the Workbook tab had shown a Check.
    await page.reload();
    await see(page.getByTestId('who'), MANAGER);
    await expect(page.getByRole('tab', { name: 'Sign off' }).getAttribute('aria-selected')).resolves.toBe('true');
    await see(page.getByTestId('not-governing'), 'Harbourline Water Ltd is not a governing partner');
    await shot(page, 'reloaded-sign-off-tab');
    await page.getByRole('tab', { name: 'Workbook' }).click();
    await see(page.getByTestId('base'), 'Based on version 6');
    await see(notice(page, 'success'), 'No errors');
    await shot(page, 'reloaded-workbook-checked');

    // When it cannot sign in again by itself (here the token cannot be had), the sign-in says the pane was reloaded.
    await page.route('**/api/dev/token', (route) => route.abort('internetdisconnected'));
    await page.reload();
    await see(notice(page, 'info'), 'The pane was reloaded');
    await shot(page, 'reloaded-sign-in');
    await page.unrouteAll();
    await page.getByTestId('dev-member').selectOption(MANAGER);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await see(page.getByTestId('who'), MANAGER);
    await expect(page.getByRole('tab', { name: 'Workbook' }).getAttribute('aria-selected')).resolves.toBe('true');
    await see(notice(page, 'success'), 'No errors');
  });

  test('a view whose code cannot be fetched shows why, and Retry opens it once it can be', async () => {
    const pmg = await harness.browser.newPage({ viewport: { width: 1280, height: 860 }, bypassCSP: true });
    // Both the preload at sign-in and the opening of the tab fail to fetch the PMG view's code.
    await pmg.route('**/pmg.*.js', (route) => route.abort('internetdisconnected'));
    await pmg.goto(`${harness.origin}/harness.html`);
    await pmg.getByTestId('dev-member').selectOption(CHAIR);
    await pmg.getByRole('button', { name: 'Sign in', exact: true }).click();
    await pmg.getByTestId('who').waitFor();
    await pmg.getByRole('tab', { name: 'PMG' }).click();
    const failed = pmg.getByTestId('view-failed');
    await see(failed, 'The PMG view could not open');
    await see(failed, 'Your workbook is unchanged; the other tabs still work.');
    await shot(pmg, 'view-failed');
    expect(await axeViolations(pmg)).toEqual([]);
    await pmg.unrouteAll();
    await failed.getByRole('button', { name: 'Retry' }).click();
    await see(pmg.getByTestId('pmg'), /Cross-partner issues: \d+/);
    await expect(failed.count()).resolves.toBe(0);
    await pmg.close();
  });

  test('a member removed from the catalogue is told what to do, and Submit and Get latest are off', async () => {
    const removed = await openPane(harness, SECOND_MANAGER);
    await removed.getByRole('button', { name: 'Set up workbook' }).click();
    await see(notice(removed, 'success'), 'The workbook is set up');
    await (await asMember(harness.origin, CHAIR)).removeMember(SECOND_MANAGER);
    await removed.getByRole('button', { name: 'Get latest' }).click();
    await see(removed.getByTestId('service-off'), 'Ask the PMG to add you to the partnership catalogue again');
    await expect(removed.getByRole('button', { name: 'Submit', exact: true }).isDisabled()).resolves.toBe(true);
    await expect(removed.getByRole('button', { name: 'Get latest' }).isDisabled()).resolves.toBe(true);
    // Check still works on the workbook.
    await removed.getByRole('button', { name: 'Check', exact: true }).click();
    await removed
      .getByTestId(/^notice-(success|warning)$/)
      .first()
      .waitFor();
    await shot(removed, 'removed-member');
    await removed.close();
  });

  test('the service stops mid-session: every tab still shows something, and the workbook can be checked', async () => {
    const pmg = await openPane(harness, CHAIR);
    await page.getByRole('tab', { name: 'Workbook' }).click();
    // Both panes have fetched the views' code they preload at sign-in (a view whose code never arrived shows
    // the boundary's Retry instead, tested on its own), so what follows is the outage, not a half-loaded pane:
    // the Sign off chunk for every member, and the PMG chunk for the chair (signoff.<hash>.js, pmg.<hash>.js).
    const fetched = (p: Page, chunks: string[]) =>
      p.waitForFunction(
        (chunks) =>
          chunks.every((chunk) =>
            performance
              .getEntriesByType('resource')
              .some((e) => new RegExp(`/${chunk}(\\.[0-9a-f]{8})?\\.js$`).test(e.name)),
          ),
        chunks,
        { timeout: 10_000 },
      );
    await Promise.all([fetched(page, ['signoff']), fetched(pmg, ['signoff', 'pmg'])]);
    harness.service.child.kill('SIGTERM');
    await harness.service.exited;

    // The chair's pane opened on Sign off and read the register before the outage: each tab is opened anew
    // (PMG, then back to Sign off), as a person would after the service went away.
    for (const [p, tab] of [
      [page, 'Sign off'],
      [pmg, 'PMG'],
      [pmg, 'Sign off'],
    ] as const) {
      await p.getByRole('tab', { name: tab }).click();
      await see(notice(p, 'error'), 'No connection to the service');
      await expect(p.getByTestId('view-failed').count()).resolves.toBe(0);
      await shot(p, `outage-${tab.replace(' ', '-').toLowerCase()}`);
    }
    await page.getByRole('tab', { name: 'Workbook' }).click();
    await fill(page, 'Contacts', { C2: 'not an address' });
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await see(notice(page, 'warning'), '1 error to fix');
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await see(notice(page, 'warning'), 'Not submitted');
    await shot(page, 'outage-workbook');
    await pmg.close();
  });

  test('no page error was thrown', () => {
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
  });
});
