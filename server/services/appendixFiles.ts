/**
 * A register version's appendix files, rendered once per format and sign-off state. A register version never
 * changes and sign-offs are only ever added, so the file is a function of the version, the format, and the
 * sign-offs recorded for that version; the sign-off status is stated as at the last of them (or the register's
 * own date while there is none), which makes the file the same for every download until the next sign-off.
 *
 * Kept in the store (so service instances on one database share it) and coalesced in the process: downloads
 * of the same file that arrive while it is being read or rendered wait for that one render.
 */
import { createHash } from 'node:crypto';
import type { AppendixInput } from '../export/appendix/model.js';
import { APPENDIX_LAYOUT_VERSION, type AppendixFormat } from '../export/appendix/formats.js';
import type { SignOff, Store, StoredRegister } from '../store/types.js';

export interface RenderedFile {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

export type AppendixRenderer = (format: AppendixFormat, input: AppendixInput) => Promise<RenderedFile>;

/** What decides a file beyond its version and format: the layout of this release and the sign-offs shown. */
export function signOffState(stored: StoredRegister, signOffs: readonly SignOff[]): { stateKey: string; asOf: string } {
  const shown = signOffs
    .filter((s) => s.registerVersion === stored.version)
    .map((s) => [s.organisationId, s.signedBy, s.signedAt] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const asOf = shown.reduce(
    (latest, [, , at]) => (Date.parse(at) > Date.parse(latest) ? at : latest),
    stored.createdAt,
  );
  const digest = createHash('sha256')
    .update(JSON.stringify([APPENDIX_LAYOUT_VERSION, stored.digest, shown]))
    .digest('hex');
  return { stateKey: `${APPENDIX_LAYOUT_VERSION}:${shown.length}:${digest.slice(0, 32)}`, asOf };
}

export class AppendixFiles {
  readonly #store: Store;
  readonly #render: AppendixRenderer;
  readonly #inFlight = new Map<string, Promise<RenderedFile>>();

  constructor(store: Store, render: AppendixRenderer) {
    this.#store = store;
    this.#render = render;
  }

  /** The file of `stored` in `format` with these sign-offs: kept, or rendered once and kept. */
  file(format: AppendixFormat, stored: StoredRegister, signOffs: readonly SignOff[]): Promise<RenderedFile> {
    const { stateKey, asOf } = signOffState(stored, signOffs);
    const key = { registerVersion: stored.version, format, stateKey };
    const id = `${key.registerVersion}\u0000${format}\u0000${stateKey}`;
    const pending = this.#inFlight.get(id);
    if (pending) return pending;
    const made = (async () => {
      const kept = await this.#store.getAppendixRender(key);
      if (kept) return kept;
      const file = await this.#render(format, { stored, signOffs, asOf });
      await this.#store.putAppendixRender({
        ...key,
        fileName: file.fileName,
        mediaType: file.mediaType,
        bytes: file.bytes,
      });
      return file;
    })().finally(() => this.#inFlight.delete(id));
    this.#inFlight.set(id, made);
    return made;
  }
}
