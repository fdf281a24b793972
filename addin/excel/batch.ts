/// <reference types="office-js" />
/**
 * Queues writes into as few `context.sync()` calls as Excel on the web's request limit allows: work is
 * added with its estimated size, and what is queued is sent only when the next piece would take the request
 * over REQUEST_BUDGET_BYTES (and once at the end). Small actions are one request whatever the number of
 * rows; a large one is a few requests, each under the limit. Calculation is suspended for each request
 * where Excel supports it (ExcelApi 1.6), so formulas are not recalculated after every chunk.
 */
import { REQUEST_BUDGET_BYTES } from './requestSize.js';

export class WriteBatch {
  private queued = 0;
  private sent = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly options: {
      /** Whether `suspendApiCalculationUntilNextSync` is available (ExcelApi 1.6). */
      suspendCalculation: boolean;
      budget?: number;
      /** Called after each request is sent. */
      onSent?: () => void;
    },
  ) {}

  /** Queues `work` of an estimated `bytes`, sending what is already queued first when both would not fit. */
  async add(bytes: number, work: () => void): Promise<void> {
    if (this.queued > 0 && this.queued + bytes > (this.options.budget ?? REQUEST_BUDGET_BYTES)) await this.send();
    if (this.queued === 0 && this.options.suspendCalculation) {
      this.context.application.suspendApiCalculationUntilNextSync();
    }
    work();
    this.queued += Math.max(bytes, 1);
  }

  /** Sends what is queued, if anything. */
  async send(): Promise<void> {
    if (this.queued === 0) return;
    await this.context.sync();
    this.queued = 0;
    this.sent += 1;
    this.options.onSent?.();
  }

  /** Requests sent so far. */
  get requests(): number {
    return this.sent;
  }
}

/**
 * Splits rows into consecutive runs whose JSON stays under `budget` bytes each (at least one row a run), for
 * writing a large table in several requests. `bytesOf` estimates one row.
 */
export function chunkRows<T>(
  rows: readonly T[],
  bytesOf: (row: T) => number,
  budget = REQUEST_BUDGET_BYTES / 2,
): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const row of rows) {
    const bytes = bytesOf(row);
    if (current.length > 0 && size + bytes > budget) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(row);
    size += bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
