/**
 * The demo partnership (examples/) as a real register: a SQLite store in a temp folder, every demo workbook
 * imported through the reader and parser, consolidated, and two partners' sign-offs recorded.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { syntheticCatalogue, syntheticSources } from '../../bench/generate.js';
import type { AppendixFormat } from '../../server/export/appendix/formats.js';
import { renderAppendix } from '../../server/export/appendix/render.js';
import { consolidateNow } from '../../server/services/registers.js';
import { seedDemo } from '../../server/services/seedDemo.js';
import { createStore } from '../../server/store/createStore.js';
import type { SignOff, Store, StoredRegister } from '../../server/store/types.js';
import { consolidate } from '../../shared/consolidate.js';

export interface DemoRegister {
  store: Store;
  stored: StoredRegister;
  signOffs: SignOff[];
  dir: string;
  close(): Promise<void>;
}

export const EXAMPLES_DIR = path.resolve(import.meta.dirname, '../../examples');

export async function demoRegister(opts: { examplesDir?: string } = {}): Promise<DemoRegister> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'oda-appendix-'));
  const store = await createStore({ sqlitePath: path.join(dir, 'oda-register.db') });
  await seedDemo({ store, examplesDir: opts.examplesDir ?? EXAMPLES_DIR });
  const { stored } = await consolidateNow({ store, actor: 'oda.chair@northshire.gov.uk.example' });
  for (const organisationId of ['northshire-county-council', 'northshire-icb']) {
    await store.addSignOff({ registerVersion: stored.version, organisationId, actor: `lm@${organisationId}.example` });
  }
  return {
    store,
    stored,
    signOffs: await store.listSignOffs(stored.version),
    dir,
    close: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The demo register's appendix in `format`, with its sign-offs, as of a fixed time (2030-01-01). */
export async function exportDemo(demo: DemoRegister, format: AppendixFormat): Promise<Buffer> {
  const asOf = '2030-01-01T00:00:00.000Z';
  return (await renderAppendix(format, { stored: demo.stored, signOffs: demo.signOffs, asOf })).bytes;
}

/**
 * A synthetic register (bench/generate.ts) as stored, version 1: `organisations` partners, `activities`
 * activities, `perOrganisation` commitments from each partner.
 */
export function syntheticStored(organisations: number, activities: number, perOrganisation: number): StoredRegister {
  const catalogue = syntheticCatalogue(organisations, activities);
  const createdAt = '2026-01-01T00:00:00.000Z';
  const register = consolidate(catalogue, syntheticSources(catalogue, perOrganisation), { version: 1, createdAt });
  return { version: 1, digest: register.digest, createdBy: 'test', createdAt, register };
}
