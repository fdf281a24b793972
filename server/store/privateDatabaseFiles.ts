/**
 * The SQLite database holds every partner's workbooks and who sent them, so its file and the `-wal` and `-shm`
 * files beside it are readable and writable by their owner only (mode 0600), as the development issuer's key
 * files are (server/auth/devIssuer.ts).
 *
 * SQLite creates `-wal` and `-shm` with the permissions of the database file (whatever the umask), so a
 * database file created 0600 before SQLite opens it is enough for every file SQLite makes later. A file that
 * already exists with permissions for group or others (made by an older version, or copied in) is tightened
 * to its owner's bits, and a warning names it and its old mode, so an operator who gave a backup account
 * access learns why it lost it. A file that cannot be tightened (another user owns it) is warned about, not
 * refused: the database still opens.
 */
import { chmodSync, closeSync, fchmodSync, openSync, statSync, type Stats } from 'node:fs';

export const DATABASE_FILE_MODE = 0o600;
/** Permission bits for anyone but the owner. */
const NOT_OWNER = 0o077;

/** The database file and those SQLite keeps beside it in WAL mode. */
export function databaseFiles(path: string): string[] {
  return [path, `${path}-wal`, `${path}-shm`];
}

/**
 * Creates the database file at `path` (its folder must exist) with mode 0600 when it is missing, and tightens
 * the database's files that exist with wider permissions; `warn` is told of each file tightened or not.
 */
export function makeDatabaseFilesPrivate(path: string, warn: (message: string) => void): void {
  createPrivateFile(path);
  for (const file of databaseFiles(path)) {
    let stats: Stats;
    try {
      stats = statSync(file);
    } catch (error) {
      if (codeOf(error) === 'ENOENT') continue;
      throw error;
    }
    // Not a file (a folder given as the database, say): SQLite refuses to open it and says so.
    if (!stats.isFile()) continue;
    const mode = stats.mode & 0o777;
    if ((mode & NOT_OWNER) === 0) continue;
    const tightened = mode & ~NOT_OWNER;
    try {
      chmodSync(file, tightened);
      warn(`${file} was readable by others (mode ${octal(mode)}); it is now owner-only (mode ${octal(tightened)}).`);
    } catch (error) {
      warn(
        `${file} is readable by others (mode ${octal(mode)}) and could not be made owner-only ` +
          `(${codeOf(error) ?? String(error)}): run chmod 600 on it as its owner.`,
      );
    }
  }
}

/** Creates an empty `file` with mode 0600 unless it exists (an empty file is an empty SQLite database). */
function createPrivateFile(file: string): void {
  let fd: number;
  try {
    fd = openSync(file, 'wx', DATABASE_FILE_MODE);
  } catch (error) {
    if (codeOf(error) === 'EEXIST') return;
    throw error;
  }
  try {
    // The umask can only take bits away; this gives the owner back read and write if it took those.
    fchmodSync(fd, DATABASE_FILE_MODE);
  } finally {
    closeSync(fd);
  }
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function octal(mode: number): string {
  return `0${mode.toString(8).padStart(3, '0')}`;
}
