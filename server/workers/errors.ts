/**
 * Why the worker threads did not do a piece of work, free of HTTP (the API answers both with a 503 problem
 * and a Retry-After header; the CLI works on its own thread and never meets them).
 */
import { DomainError } from '../errors/domainError.js';

/** Every thread is busy and the queue of waiting work is full: nothing was started. */
export class WorkersBusy extends DomainError {
  readonly kind = 'workers-busy';

  constructor(
    readonly retryAfterSeconds: number,
    readonly waiting: number,
  ) {
    super(
      `The service is busy with other workbooks (${waiting} waiting for a thread): nothing was done; try again in ${retryAfterSeconds} s.`,
    );
    this.name = 'WorkersBusy';
  }
}

/** A piece of work took longer than its time limit (waiting for a thread included): it was stopped. */
export class WorkTimedOut extends DomainError {
  readonly kind = 'work-timed-out';

  constructor(
    readonly limitMs: number,
    readonly retryAfterSeconds: number,
    /** What was being done, as a noun phrase: "reading budget.xlsx". */
    what: string,
    /** What the caller can do when it happens again; the default suits a workbook. */
    advice = 'remove unused rows and sheets from the workbook',
    /** What one task is, for the limit's name. */
    unit = 'one workbook',
  ) {
    const seconds = Math.round(limitMs / 100) / 10;
    super(
      `${what[0]?.toUpperCase() ?? ''}${what.slice(1)} took longer than the ${seconds} s ${unit} may take, and was stopped; nothing was stored. The service may be busy: try again in ${retryAfterSeconds} s, and if it happens again, ${advice}.`,
    );
    this.name = 'WorkTimedOut';
  }
}
