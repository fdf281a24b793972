/**
 * LibreOffice headless for tests that need files a real spreadsheet program made (an .ods saved by LibreOffice
 * from an .xlsx, a PDF of an appendix). CI installs LibreOffice (.ci/appendix-pdf.sh) and runs them again there
 * with REQUIRE_SOFFICE=1; on a machine without it they are skipped with a message saying so.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

function findSoffice(): string | null {
  try {
    return execFileSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

export const SOFFICE = findSoffice();

/**
 * `describe`, or `describe.skip` with a warning naming what is missing when LibreOffice is not installed; with
 * REQUIRE_SOFFICE=1 (set by .ci/appendix-pdf.sh, which installs it) the tests run and fail without it.
 */
export const describeWithLibreOffice: jest.Describe =
  SOFFICE || process.env.REQUIRE_SOFFICE === '1'
    ? describe
    : (() => {
        console.warn(
          'LibreOffice (soffice) is not installed: the tests that convert files with it are SKIPPED. Install it (apt-get install libreoffice-calc-nogui) to run them; CI has it.',
        );
        return describe.skip;
      })();

/**
 * Converts `files` to `format` (`ods`, `xlsx`, `pdf`) into `outDir` with LibreOffice headless, in a private
 * profile (so parallel test files do not share one); resolves to the converted files' paths, in order.
 */
export async function convertWithLibreOffice(
  files: readonly string[],
  format: string,
  outDir: string,
): Promise<string[]> {
  if (!SOFFICE) throw new Error('LibreOffice (soffice) is not installed');
  const profile = await mkdtemp(path.join(os.tmpdir(), 'oda-lo-profile-'));
  try {
    await run(
      SOFFICE,
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', format, '--outdir', outDir, ...files],
      { timeout: 180_000 },
    );
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  const extension = format.split(':')[0]!;
  return files.map((f) => path.join(outDir, `${path.basename(f, path.extname(f))}.${extension}`));
}
