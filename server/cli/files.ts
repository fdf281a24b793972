/**
 * Reading partner workbook files for `import` and `validate`, one result per file, with a progress bar.
 * ExcelJS and the progress bar load when a file is first read or a bar first shown (consolidate uses
 * issueLine from here and needs neither).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { countIssues, formatIssue, type Issue } from '../../shared/issues.js';
import { issueReport, unlistedIssuesSentence } from '../../shared/issueReport.js';
import type { RawTables } from '../../shared/types.js';
import type { CliIo, Output } from './io.js';

export interface FileResult {
  file: string;
  ok: boolean;
  organisationId: string | null;
  /** The stored version (import only). */
  version: number | null;
  /** Import only: the workbook equals the organisation's current version, so nothing new was stored. */
  unchanged?: boolean;
  /** Why the file could not be read at all (not an xlsx, password-protected, missing). */
  fileError: string | null;
  issues: Issue[];
}

/** Reads one file into raw tables, or says in one sentence why it cannot. */
export async function readTablesFromFile(file: string, io: CliIo): Promise<RawTables | string> {
  const fileName = path.basename(file);
  let data: Buffer;
  try {
    data = await readFile(path.resolve(io.cwd, file));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return `${file} does not exist.`;
    if (code === 'EISDIR') return `${file} is a folder, not a workbook.`;
    return `${file} cannot be read: ${(err as Error).message}`;
  }
  const { readWorkbook, WorkbookFileError } = await import('../import/readWorkbook.js');
  let tables: RawTables;
  try {
    tables = await readWorkbook(data, { fileName });
  } catch (err) {
    if (err instanceof WorkbookFileError) return err.message;
    return `${fileName} could not be read as a workbook: ${(err as Error).message}`;
  }
  // No About table: perhaps an exported appendix (which names its register version), not a partner workbook.
  if (!('About' in tables)) {
    const { identifyFile } = await import('../export/appendix/verify/index.js');
    const identified = await identifyFile(data, fileName).catch(() => null);
    if (identified?.kind === 'claim') {
      return `${fileName} is an exported appendix (register version ${identified.claim.version}), not a partner workbook: import and validate take the partners' workbooks (\`oda-register verify\` checks an appendix).`;
    }
  }
  return tables;
}

/** Runs `work` over every file in order, with a progress bar on a terminal when there are several. */
export async function eachFile(
  files: string[],
  io: CliIo,
  out: Output,
  work: (file: string) => Promise<FileResult>,
): Promise<FileResult[]> {
  const cliProgress =
    files.length > 1 && io.stderr.isTTY && !out.jsonMode ? (await import('cli-progress')).default : null;
  const bar = cliProgress
    ? new cliProgress.SingleBar(
        {
          stream: io.stderr,
          format: ' {bar} {value}/{total} workbooks | {file}',
          clearOnComplete: true,
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  bar?.start(files.length, 0, { file: '' });
  const results: FileResult[] = [];
  for (const file of files) {
    bar?.update(results.length, { file: path.basename(file) });
    results.push(await work(file));
  }
  bar?.update(files.length, { file: '' });
  bar?.stop();
  return results;
}

/** The human summary of one file: a line, then every issue as `Sheet!Cell: message`. */
export function printFileResult(out: Output, r: FileResult, verb: 'stored' | 'valid'): void {
  const { errors, warnings } = countIssues(r.issues);
  const name = path.basename(r.file);
  if (r.fileError) {
    out.line(`✖ ${name}: ${r.fileError}`);
    return;
  }
  const counts = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  const who = r.organisationId ?? 'unknown organisation';
  if (r.ok) {
    out.line(
      `✔ ${name}: ${who}, ${verb === 'valid' ? 'valid' : r.unchanged ? `unchanged since version ${r.version}, not stored again` : `stored as version ${r.version}`} (${counts})`,
    );
  } else {
    out.line(`✖ ${name}: ${who}, ${counts}${verb === 'valid' ? '' : '; nothing was stored'}`);
  }
  // Errors first, then warnings, each in their own order: the first ISSUE_LIST_LIMIT, then a line saying how
  // many more there are (--json lists every one).
  const ordered = [
    ...r.issues.filter((i) => i.severity === 'error'),
    ...r.issues.filter((i) => i.severity !== 'error'),
  ];
  const report = issueReport(ordered);
  for (const issue of report.issues) out.line(`    ${issueLine(issue)}`);
  const more = unlistedIssuesSentence(report, 'run again with --json to list every one');
  if (more) out.line(`    … ${more}`);
}

/** An issue as a line of CLI output: its severity padded to one width, then `Sheet!Cell: message`. */
export function issueLine(issue: Issue): string {
  return `${issue.severity === 'error' ? 'error  ' : 'warning'} ${formatIssue(issue)}`;
}

/**
 * The closing line of an import: how many workbooks were stored, unchanged (identical to the current version, so
 * not stored again) and refused (errors, or not a workbook), e.g. "7 workbooks stored, 1 refused." or
 * "8 workbooks unchanged, 0 stored.".
 */
export function importTally(results: FileResult[]): string {
  const refused = results.filter((r) => !r.ok).length;
  const unchanged = results.filter((r) => r.ok && r.unchanged).length;
  const stored = results.length - refused - unchanged;
  const counts = { stored, unchanged, refused };
  // "0 stored" closes the line when nothing was stored; otherwise only what happened is counted.
  const order =
    stored > 0 ? (['stored', 'unchanged', 'refused'] as const) : (['unchanged', 'refused', 'stored'] as const);
  const parts = order.filter((what) => counts[what] > 0 || what === 'stored');
  return `${parts
    .map((what, i) => `${counts[what]}${i === 0 ? ` workbook${counts[what] === 1 ? '' : 's'}` : ''} ${what}`)
    .join(', ')}.`;
}

export function summarise(out: Output, results: FileResult[], verb: 'stored' | 'valid'): void {
  const good = results.filter((r) => r.ok).length;
  if (results.length > 1) {
    out.line();
    out.line(
      verb === 'stored'
        ? importTally(results)
        : `${good} of ${results.length} workbooks valid; ${results.length - good} with errors.`,
    );
  }
  out.json({
    files: results.map((r) => ({
      file: r.file,
      ok: r.ok,
      organisationId: r.organisationId,
      version: r.version,
      unchanged: r.unchanged ?? false,
      fileError: r.fileError,
      ...countIssues(r.issues),
      issues: r.issues,
    })),
  });
}
