/**
 * A small recording fake of Excel's JavaScript object model (the part addin/excel/ uses), for the tests of
 * the Office.js gateway. office-addin-mock cannot express collections (tables, worksheets, settings found by
 * name), so this stands in for Excel where it is needed, and behaves as Office.js does where it matters:
 *
 * - Calls are queued and run in order at `context.sync()`; objects are found when the queue reaches them
 *   (a table added earlier in the same batch can be used later in it; a missing one fails the sync).
 * - Load before read: a property can be read only after `load()` and a `sync()`; otherwise it throws
 *   PropertyNotLoaded, as Office.js does. `isNullObject` likewise.
 * - Each sync is one request: its size is estimated as Office.js would send it (the JSON of each call's
 *   arguments plus an overhead per call), and a request over Excel on the web's 5 MB limit fails with
 *   RequestPayloadSizeLimitExceeded before anything in it is done.
 * - Each sync has one response: the JSON of every property loaded in it. A response over the same 5 MB
 *   limit fails with ResponsePayloadSizeLimitExceeded (the request's writes have been done by then).
 * - When one call of a batch fails, the calls queued before it in the same sync have been applied and stay
 *   applied (Excel does not roll a batch back); the calls after it are not run, and the sync rejects with an
 *   OfficeExtension.Error carrying the failing call's code.
 * - Strings are stored as Excel (en-US) types them into a General cell (excelTyping.ts): numbers in every
 *   form, fractions, dates, times, booleans, formulas; a leading apostrophe keeps text as text. A cell whose
 *   number format is "@" (text) keeps any string as it is, and turns a number written into it into text.
 * - A range written to must have exactly the written array's rows and columns (InvalidArgument otherwise).
 *
 * The model (FakeWorkbook, FakeSheet, FakeTable) is plain data the tests can set up and inspect directly.
 */
import { columnLetter, parseA1 } from '../../shared/cells.js';
import { typeText } from './excelTyping.js';

export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
export const RESPONSE_LIMIT_BYTES = 5 * 1024 * 1024;
/** The text number format: a cell with it keeps a string as written. */
export const TEXT_FORMAT = '@';
/** Bytes Office.js spends on one action and its object path besides the arguments (an average). */
const ACTION_OVERHEAD = 120;
const MAX_ROW = 1_048_576;

export type CellValue = string | number | boolean;

export interface FakeCell {
  value?: CellValue;
  /** Text written without a leading apostrophe that starts with "=": Excel makes it a formula (not evaluated here). */
  formula?: string;
  numberFormat?: string;
  fill?: string | null;
  validation?: Record<string, unknown> | null;
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export class FakeSheet {
  visibility = 'Visible';
  frozenRows = 0;
  readonly cells = new Map<string, FakeCell>();
  readonly widths = new Map<number, number>();
  constructor(public name: string) {}

  private key(row: number, column: number): string {
    return `${row},${column}`;
  }
  cell(row: number, column: number): FakeCell {
    const key = this.key(row, column);
    let cell = this.cells.get(key);
    if (!cell) {
      cell = {};
      this.cells.set(key, cell);
    }
    return cell;
  }
  peek(row: number, column: number): FakeCell | undefined {
    return this.cells.get(this.key(row, column));
  }
  value(row: number, column: number): CellValue {
    return this.peek(row, column)?.value ?? '';
  }
  /** Every stored cell as [row, column, cell]. */
  entries(): [number, number, FakeCell][] {
    return [...this.cells].map(([key, cell]) => {
      const [row, column] = key.split(',').map(Number) as [number, number];
      return [row, column, cell];
    });
  }
  /** Moves cells of `columns` at or below `fromRow` by `by` rows (negative: up); cells moved off are dropped. */
  shiftRows(fromRow: number, columns: [number, number], by: number): void {
    const moving = this.entries().filter(([r, c]) => r >= fromRow && c >= columns[0] && c <= columns[1]);
    for (const [r, c] of moving) this.cells.delete(this.key(r, c));
    for (const [r, c, cell] of moving) if (r + by >= 1) this.cells.set(this.key(r + by, c), cell);
  }
  shiftColumns(fromColumn: number, rows: [number, number], by: number): void {
    const moving = this.entries().filter(([r, c]) => c >= fromColumn && r >= rows[0] && r <= rows[1]);
    for (const [r, c] of moving) this.cells.delete(this.key(r, c));
    for (const [r, c, cell] of moving) this.cells.set(this.key(r, c + by), cell);
  }
  usedRect(valuesOnly: boolean): Rect | null {
    let rect: Rect | null = null;
    for (const [r, c, cell] of this.entries()) {
      const used = valuesOnly ? cell.value !== undefined && cell.value !== '' : true;
      if (!used) continue;
      rect = rect
        ? {
            top: Math.min(rect.top, r),
            left: Math.min(rect.left, c),
            bottom: Math.max(rect.bottom, r),
            right: Math.max(rect.right, c),
          }
        : { top: r, left: c, bottom: r, right: c };
    }
    return rect;
  }
  /** Values of a rectangle ('' for empty cells). */
  values(rect: Rect): CellValue[][] {
    const rows: CellValue[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row: CellValue[] = [];
      for (let c = rect.left; c <= rect.right; c++) row.push(this.value(r, c));
      rows.push(row);
    }
    return rows;
  }
}

export class FakeTable {
  style = 'TableStyleMedium2';
  constructor(
    public name: string,
    public sheet: FakeSheet,
    public rect: Rect,
  ) {}
  headers(): CellValue[] {
    return this.sheet.values({ ...this.rect, bottom: this.rect.top })[0]!;
  }
  body(): CellValue[][] {
    return this.sheet.values({ ...this.rect, top: this.rect.top + 1 });
  }
}

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  readonly tables: FakeTable[] = [];
  readonly settings = new Map<string, string>();
  selected: { sheet: string; address: string } | null = null;
  activeSheet: FakeSheet | null = null;
  /** The name of the active sheet. */
  get active(): string | null {
    return this.activeSheet?.name ?? null;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  table(name: string): FakeTable | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }
  addSheet(name: string): FakeSheet {
    if (this.sheet(name)) throw new Error(`ItemAlreadyExists: a sheet named "${name}" exists`);
    const sheet = new FakeSheet(name);
    this.sheets.push(sheet);
    return sheet;
  }
  /** Writes rows of values from `topLeft` (test set-up), as a user typing them would store them. */
  put(sheetName: string, topLeft: string, rows: readonly (readonly unknown[])[]): void {
    const sheet = this.sheet(sheetName) ?? this.addSheet(sheetName);
    const origin = parseA1(topLeft)!;
    rows.forEach((row, r) => row.forEach((v, c) => storeValue(sheet.cell(origin.row + r, origin.column + c), v)));
  }
  /** Adds a table over `address` (header row included), as Excel's Insert > Table does. */
  addTable(sheetName: string, address: string, name: string): FakeTable {
    const sheet = this.sheet(sheetName) ?? this.addSheet(sheetName);
    return createTable(this, sheet, parseRect(address), name);
  }
  /** A deep copy of everything a user could see, for comparing two states of the workbook. */
  snapshot(): unknown {
    return {
      sheets: this.sheets.map((s) => ({
        name: s.name,
        visibility: s.visibility,
        frozenRows: s.frozenRows,
        cells: s
          .entries()
          .filter(([, , cell]) => Object.values(cell).some((v) => v !== undefined && v !== null && v !== ''))
          .map(([r, c, cell]) => [`${columnLetter(c)}${r}`, JSON.parse(JSON.stringify(cell))])
          .sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)),
        widths: [...s.widths].sort((a, b) => a[0] - b[0]),
      })),
      tables: this.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, rect: { ...t.rect }, style: t.style })),
      settings: [...this.settings],
    };
  }
}

function storeValue(cell: FakeCell, value: unknown): void {
  delete cell.formula;
  if (value === null || value === undefined || value === '') {
    delete cell.value;
    return;
  }
  const asText = cell.numberFormat === TEXT_FORMAT;
  if (typeof value === 'string') {
    if (asText) {
      cell.value = value;
      return;
    }
    const typed = typeText(value);
    if (typed.kind === 'formula') {
      cell.formula = typed.formula;
      delete cell.value;
    } else cell.value = typed.value;
    return;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    cell.value = asText ? (typeof value === 'boolean' ? String(value).toUpperCase() : String(value)) : value;
    return;
  }
  throw new Error(`InvalidArgument: Excel cannot store ${Object.prototype.toString.call(value)} in a cell`);
}

export function parseRect(address: string): Rect {
  const body = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [from = '', to = from] = body.split(':');
  const column = /^\$?([A-Za-z]{1,3})$/;
  if (column.test(from) && column.test(to)) {
    const l = parseA1(`${from.replace(/\$/g, '')}1`)!.column;
    const r = parseA1(`${to.replace(/\$/g, '')}1`)!.column;
    return { top: 1, left: l, bottom: MAX_ROW, right: r };
  }
  const a = parseA1(from);
  const b = parseA1(to);
  if (!a || !b) throw new Error(`InvalidArgument: "${address}" is not a range address`);
  return { top: a.row, left: a.column, bottom: b.row, right: b.column };
}

function a1(rect: Rect): string {
  const from = `${columnLetter(rect.left)}${rect.top}`;
  const to = `${columnLetter(rect.right)}${rect.bottom}`;
  return from === to ? from : `${from}:${to}`;
}

function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function createTable(workbook: FakeWorkbook, sheet: FakeSheet, rect: Rect, name?: string): FakeTable {
  const full = rect.bottom === rect.top ? { ...rect, bottom: rect.top + 1 } : rect;
  if (workbook.tables.some((t) => t.sheet === sheet && overlaps(t.rect, full))) {
    throw new Error('InvalidOperation: a table cannot overlap another table');
  }
  for (let c = full.left; c <= full.right; c++) {
    if (sheet.value(full.top, c) === '') sheet.cell(full.top, c).value = `Column${c - full.left + 1}`;
  }
  const table = new FakeTable(name ?? `Table${workbook.tables.length + 1}`, sheet, full);
  if (workbook.table(table.name)) throw new Error(`InvalidArgument: a table named ${table.name} exists`);
  workbook.tables.push(table);
  return table;
}

// ---------------------------------------------------------------------------------------------------------
// The request context and its proxies

/** Per `Excel.run`: syncs and request sizes. */
export interface RunRecord {
  syncs: number;
  /** Estimated bytes of each request sent (one per sync). */
  requests: number[];
  /** Bytes of each response (the JSON of the properties loaded in that sync). */
  responses: number[];
  suspendedCalculation: number;
}

function bytesOf(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value ?? null));
}

class FakeContext {
  private queue: { bytes: number; run: () => void }[] = [];
  readonly record: RunRecord = { syncs: 0, requests: [], responses: [], suspendedCalculation: 0 };
  /** Bytes loaded so far in the sync being run. */
  responseBytes = 0;
  readonly workbook: WorkbookProxy;
  readonly application = {
    suspendApiCalculationUntilNextSync: () => this.enqueue([], () => (this.record.suspendedCalculation += 1)),
  };

  constructor(readonly model: FakeWorkbook) {
    this.workbook = new WorkbookProxy(this);
  }
  enqueue(args: unknown, run: () => void): void {
    this.queue.push({ bytes: ACTION_OVERHEAD + bytesOf(args), run });
  }
  async sync(): Promise<void> {
    const queue = this.queue;
    this.queue = [];
    const bytes = queue.reduce((n, a) => n + a.bytes, 0);
    this.record.syncs += 1;
    this.record.requests.push(bytes);
    if (bytes > REQUEST_LIMIT_BYTES) {
      throw officeError(
        new Error(`RequestPayloadSizeLimitExceeded: a request of ${bytes} bytes is over Excel on the web's 5 MB limit`),
      );
    }
    this.responseBytes = 0;
    for (const action of queue) {
      try {
        action.run();
      } catch (error) {
        this.record.responses.push(this.responseBytes);
        throw officeError(error);
      }
    }
    this.record.responses.push(this.responseBytes);
    if (this.responseBytes > RESPONSE_LIMIT_BYTES) {
      throw officeError(
        new Error(
          `ResponsePayloadSizeLimitExceeded: a response of ${this.responseBytes} bytes is over Excel on the web's 5 MB limit`,
        ),
      );
    }
  }
}

/** An error thrown during a sync as Office.js throws it: an OfficeExtension.Error with a `code`. */
function officeError(error: unknown): Error {
  const text = error instanceof Error ? error.message : String(error);
  const m = /^([A-Za-z]+): (.*)$/.exec(text);
  const failure = new Error(m ? m[2] : text) as Error & { code: string; debugInfo: { code: string; message: string } };
  failure.name = 'RichApi.Error';
  failure.code = m ? m[1]! : 'GeneralException';
  failure.debugInfo = { code: failure.code, message: failure.message };
  return failure;
}

const NOT_LOADED = (name: string) =>
  new Error(
    `PropertyNotLoaded: The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

abstract class Proxy<T> {
  private target: T | null = null;
  private resolved = false;
  protected readonly loaded = new Map<string, unknown>();

  constructor(
    protected readonly ctx: FakeContext,
    private readonly resolver: () => T | null,
  ) {}

  /** The object this proxy stands for, found the first time the queue needs it. */
  resolveOrNull(): T | null {
    if (!this.resolved) {
      this.target = this.resolver();
      this.resolved = true;
    }
    return this.target;
  }
  resolve(): T {
    const target = this.resolveOrNull();
    if (target === null) throw new Error(`ItemNotFound: ${this.constructor.name} does not exist`);
    return target;
  }
  protected scalars(): Record<string, (t: T) => unknown> {
    return {};
  }
  protected navigation(): Record<string, Proxy<unknown>> {
    return {};
  }

  load(spec?: string | string[] | { select?: string }): this {
    const text = typeof spec === 'string' ? spec : Array.isArray(spec) ? spec.join(',') : (spec?.select ?? '');
    const paths = text
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    this.ctx.enqueue(paths, () => this.applyLoad(paths));
    return this;
  }
  applyLoad(paths: string[]): void {
    const target = this.resolveOrNull();
    this.loaded.set('isNullObject', target === null);
    if (target === null) return;
    for (const path of paths) {
      const [first = '', ...rest] = path.split('/');
      const nav = this.navigation()[first];
      if (nav && rest.length > 0) nav.applyLoad([rest.join('/')]);
      else if (this.scalars()[first]) {
        const value = this.scalars()[first]!(target);
        this.ctx.responseBytes += bytesOf(value);
        this.loaded.set(first, value);
      } else throw new Error(`InvalidArgument: ${this.constructor.name} has no property "${path}" to load`);
    }
  }
  protected read<V>(name: string): V {
    if (!this.loaded.has(name)) throw NOT_LOADED(name);
    return this.loaded.get(name) as V;
  }
  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  protected queue(args: unknown, run: (target: T) => void): void {
    this.ctx.enqueue(args, () => run(this.resolve()));
  }
}

interface RangeTarget {
  sheet: FakeSheet;
  rect: Rect;
}

class WorkbookProxy extends Proxy<FakeWorkbook> {
  readonly tables: TableCollectionProxy;
  readonly worksheets: WorksheetCollectionProxy;
  readonly settings: SettingCollectionProxy;
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.model);
    this.tables = new TableCollectionProxy(ctx, () => null);
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.settings = new SettingCollectionProxy(ctx);
  }
}

class WorksheetCollectionProxy extends Proxy<FakeWorkbook> {
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.model);
  }
  private itemsProxies: WorksheetProxy[] = [];
  get items(): WorksheetProxy[] {
    this.read('items');
    return this.itemsProxies;
  }
  override applyLoad(paths: string[]): void {
    const workbook = this.resolve();
    this.itemsProxies = workbook.sheets.map((s) => new WorksheetProxy(this.ctx, () => s));
    const sub = paths.filter((p) => p.startsWith('items/')).map((p) => p.slice(6));
    for (const item of this.itemsProxies) item.applyLoad(sub);
    this.loaded.set('items', true);
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    this.ctx.enqueue([name], () => undefined);
    return new WorksheetProxy(this.ctx, () => this.ctx.model.sheet(name) ?? null);
  }
  getItem(name: string): WorksheetProxy {
    this.ctx.enqueue([name], () => undefined);
    return new WorksheetProxy(this.ctx, () => {
      const sheet = this.ctx.model.sheet(name);
      if (!sheet) throw new Error(`ItemNotFound: no sheet named "${name}"`);
      return sheet;
    });
  }
  add(name: string): WorksheetProxy {
    let added: FakeSheet | null = null;
    this.ctx.enqueue([name], () => (added = this.ctx.model.addSheet(name)));
    return new WorksheetProxy(this.ctx, () => added);
  }
}

class WorksheetProxy extends Proxy<FakeSheet> {
  protected override scalars() {
    return { name: (s: FakeSheet) => s.name, visibility: (s: FakeSheet) => s.visibility };
  }
  get name(): string {
    return this.read('name');
  }
  set name(name: string) {
    this.queue([name], (sheet) => {
      const other = this.ctx.model.sheet(name);
      if (other && other !== sheet) throw new Error(`ItemAlreadyExists: a sheet named "${name}" exists`);
      sheet.name = name;
    });
  }
  set visibility(visibility: string) {
    this.queue([visibility], (sheet) => {
      if (visibility !== 'Visible' && this.ctx.model.sheets.every((s) => s === sheet || s.visibility !== 'Visible')) {
        throw new Error('InvalidOperation: a workbook must keep one visible sheet');
      }
      sheet.visibility = visibility;
    });
  }
  get tables(): TableCollectionProxy {
    return new TableCollectionProxy(this.ctx, () => this.resolve());
  }
  get freezePanes() {
    return { freezeRows: (count = 1) => this.queue([count], (sheet) => (sheet.frozenRows = count)) };
  }
  getRange(address?: string): RangeProxy {
    this.ctx.enqueue([address ?? ''], () => undefined);
    return new RangeProxy(this.ctx, () => ({ sheet: this.resolve(), rect: parseRect(address ?? `A1:XFD${MAX_ROW}`) }));
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    this.ctx.enqueue([valuesOnly], () => undefined);
    return new RangeProxy(this.ctx, () => {
      const sheet = this.resolve();
      const rect = sheet.usedRect(valuesOnly);
      return rect ? { sheet, rect } : null;
    });
  }
  activate(): void {
    this.queue([], (sheet) => (this.ctx.model.activeSheet = sheet));
  }
  delete(): void {
    this.queue([], (sheet) => {
      const model = this.ctx.model;
      if (model.sheets.every((s) => s === sheet || s.visibility !== 'Visible')) {
        throw new Error('InvalidOperation: a workbook must keep one visible sheet');
      }
      model.sheets.splice(model.sheets.indexOf(sheet), 1);
      for (const t of model.tables.filter((t) => t.sheet === sheet)) model.tables.splice(model.tables.indexOf(t), 1);
    });
  }
}

class TableCollectionProxy extends Proxy<FakeSheet | null> {
  private itemsProxies: TableProxy[] = [];
  constructor(ctx: FakeContext, sheet: () => FakeSheet | null) {
    super(ctx, sheet);
  }
  private inScope(): FakeTable[] {
    const sheet = this.resolveOrNull();
    return this.ctx.model.tables.filter((t) => sheet === null || t.sheet === sheet);
  }
  get items(): TableProxy[] {
    this.read('items');
    return this.itemsProxies;
  }
  override applyLoad(paths: string[]): void {
    this.itemsProxies = this.inScope().map((t) => new TableProxy(this.ctx, () => t));
    const sub = paths.filter((p) => p.startsWith('items/')).map((p) => p.slice(6));
    for (const item of this.itemsProxies) item.applyLoad(sub);
    this.loaded.set('items', true);
  }
  getItemOrNullObject(name: string): TableProxy {
    this.ctx.enqueue([name], () => undefined);
    return new TableProxy(
      this.ctx,
      () => this.inScope().find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null,
    );
  }
  getItem(name: string): TableProxy {
    this.ctx.enqueue([name], () => undefined);
    return new TableProxy(this.ctx, () => {
      const table = this.inScope().find((t) => t.name.toLowerCase() === name.toLowerCase());
      if (!table) throw new Error(`ItemNotFound: no table named "${name}"`);
      return table;
    });
  }
  add(address: string, hasHeaders: boolean): TableProxy {
    if (!hasHeaders) throw new Error('The fake supports tables with headers only');
    let added: FakeTable | null = null;
    this.ctx.enqueue([address, hasHeaders], () => {
      const sheet = this.resolve();
      if (!sheet) throw new Error('The fake adds tables through a worksheet');
      added = createTable(this.ctx.model, sheet, parseRect(address));
    });
    return new TableProxy(this.ctx, () => added);
  }
}

class TableProxy extends Proxy<FakeTable> {
  protected override scalars() {
    return { name: (t: FakeTable) => t.name, style: (t: FakeTable) => t.style };
  }
  protected override navigation(): Record<string, Proxy<unknown>> {
    return { worksheet: this.worksheet as Proxy<unknown> };
  }
  get name(): string {
    return this.read('name');
  }
  set name(name: string) {
    this.queue([name], (table) => {
      const other = this.ctx.model.table(name);
      if (other && other !== table) throw new Error(`InvalidArgument: a table named ${name} exists`);
      table.name = name;
    });
  }
  set style(style: string) {
    this.queue([style], (table) => (table.style = style));
  }
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.resolve().sheet);
  }
  getHeaderRowRange(): RangeProxy {
    this.ctx.enqueue([], () => undefined);
    return new RangeProxy(this.ctx, () => {
      const t = this.resolve();
      return { sheet: t.sheet, rect: { ...t.rect, bottom: t.rect.top } };
    });
  }
  getDataBodyRange(): RangeProxy {
    this.ctx.enqueue([], () => undefined);
    return new RangeProxy(this.ctx, () => {
      const t = this.resolve();
      return { sheet: t.sheet, rect: { ...t.rect, top: t.rect.top + 1 } };
    });
  }
  get columns() {
    return {
      add: (index?: number | null, values?: unknown, name?: string) => {
        if (index !== undefined && index !== null && index !== -1) throw new Error('The fake appends columns only');
        if (values !== undefined && values !== null) throw new Error('The fake adds columns by name only');
        this.queue([index ?? null, name ?? null], (t) => {
          t.sheet.shiftColumns(t.rect.right + 1, [t.rect.top, t.rect.bottom], 1);
          t.rect.right += 1;
          storeValue(t.sheet.cell(t.rect.top, t.rect.right), name ?? `Column${t.rect.right - t.rect.left + 1}`);
        });
      },
    };
  }
  get rows() {
    return {
      add: (index: number | null | undefined, values: unknown[][]) => {
        if (index !== undefined && index !== null && index !== -1) throw new Error('The fake appends rows only');
        this.queue([index ?? null, values], (t) => {
          const width = t.rect.right - t.rect.left + 1;
          if (values.some((row) => row.length !== width)) {
            throw new Error(
              "InvalidArgument: The number of rows or columns in the input array doesn't match the table",
            );
          }
          t.sheet.shiftRows(t.rect.bottom + 1, [t.rect.left, t.rect.right], values.length);
          values.forEach((row, r) =>
            row.forEach((v, c) => storeValue(t.sheet.cell(t.rect.bottom + 1 + r, t.rect.left + c), v)),
          );
          t.rect.bottom += values.length;
        });
      },
    };
  }
}

class RangeProxy extends Proxy<RangeTarget> {
  protected override scalars() {
    return {
      values: (t: RangeTarget) => t.sheet.values(t.rect),
      address: (t: RangeTarget) => `${sheetRef(t.sheet.name)}!${a1(t.rect)}`,
      rowCount: (t: RangeTarget) => t.rect.bottom - t.rect.top + 1,
      columnCount: (t: RangeTarget) => t.rect.right - t.rect.left + 1,
      numberFormat: (t: RangeTarget) =>
        forCells(t, (cell) => cell?.numberFormat ?? 'General').map((row) => row.map((v) => v)),
    };
  }
  protected override navigation(): Record<string, Proxy<unknown>> {
    return { format: this.format };
  }
  get values(): CellValue[][] {
    return this.read('values');
  }
  set values(values: unknown[][]) {
    this.queue([values], (t) => {
      checkDimensions(t.rect, values);
      values.forEach((row, r) => row.forEach((v, c) => storeValue(t.sheet.cell(t.rect.top + r, t.rect.left + c), v)));
    });
  }
  get numberFormat(): string[][] {
    return this.read('numberFormat');
  }
  set numberFormat(formats: string[][]) {
    this.queue([formats], (t) => {
      checkDimensions(t.rect, formats);
      formats.forEach((row, r) =>
        row.forEach((f, c) => (t.sheet.cell(t.rect.top + r, t.rect.left + c).numberFormat = f)),
      );
    });
  }
  get address(): string {
    return this.read('address');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  private derived(args: unknown, rect: (r: Rect) => Rect): RangeProxy {
    this.ctx.enqueue(args, () => undefined);
    return new RangeProxy(this.ctx, () => {
      const t = this.resolve();
      return { sheet: t.sheet, rect: rect(t.rect) };
    });
  }
  getCell(row: number, column: number): RangeProxy {
    return this.derived([row, column], (r) => ({
      top: r.top + row,
      bottom: r.top + row,
      left: r.left + column,
      right: r.left + column,
    }));
  }
  getRow(row: number): RangeProxy {
    return this.derived([row], (r) => ({ ...r, top: r.top + row, bottom: r.top + row }));
  }
  getResizedRange(rows: number, columns: number): RangeProxy {
    return this.derived([rows, columns], (r) => ({ ...r, bottom: r.bottom + rows, right: r.right + columns }));
  }
  select(): void {
    this.queue([], (t) => (this.ctx.model.selected = { sheet: t.sheet.name, address: a1(t.rect) }));
  }
  clear(applyTo = 'All'): void {
    this.queue([applyTo], (t) => {
      for (const [r, c, cell] of t.sheet.entries()) {
        if (r < t.rect.top || r > t.rect.bottom || c < t.rect.left || c > t.rect.right) continue;
        if (applyTo === 'Contents' || applyTo === 'All') {
          delete cell.value;
          delete cell.formula;
        }
        if (applyTo === 'Formats' || applyTo === 'All') {
          delete cell.numberFormat;
          delete cell.fill;
        }
      }
    });
  }
  delete(shift: string): void {
    this.queue([shift], (t) => {
      if (shift !== 'Up') throw new Error('The fake deletes with shift Up only');
      const count = t.rect.bottom - t.rect.top + 1;
      for (const table of this.ctx.model.tables.filter((x) => x.sheet === t.sheet && overlaps(x.rect, t.rect))) {
        const spansTable = t.rect.left <= table.rect.left && t.rect.right >= table.rect.right;
        if (!spansTable || t.rect.top <= table.rect.top) {
          throw new Error("InvalidOperation: This operation isn't permitted: it would move cells in a table");
        }
        if (table.rect.bottom - count <= table.rect.top)
          throw new Error('InvalidOperation: a table keeps one data row');
        table.rect.bottom -= count;
      }
      for (const [r, c] of t.sheet.entries()) {
        if (r >= t.rect.top && r <= t.rect.bottom && c >= t.rect.left && c <= t.rect.right) {
          t.sheet.cells.delete(`${r},${c}`);
        }
      }
      t.sheet.shiftRows(t.rect.bottom + 1, [t.rect.left, t.rect.right], -count);
    });
  }
  get format() {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const range = this;
    const fill = new FillProxy(this.ctx, () => range.resolve());
    return {
      fill,
      font: {
        set bold(bold: boolean) {
          range.queue([bold], () => undefined);
        },
      },
      set columnWidth(points: number) {
        range.queue([points], (t) => {
          for (let c = t.rect.left; c <= t.rect.right; c++) t.sheet.widths.set(c, points);
        });
      },
      applyLoad(paths: string[]) {
        for (const path of paths) {
          if (path.startsWith('fill/')) fill.applyLoad([path.slice(5)]);
          else throw new Error(`The fake cannot load format/${path}`);
        }
      },
    } as unknown as Proxy<unknown>;
  }
  get dataValidation() {
    const set = (key: string) => (value: unknown) =>
      this.queue([value], (t) =>
        forCells(t, (_cell, r, c) => {
          const cell = t.sheet.cell(r, c);
          cell.validation = { ...(cell.validation ?? {}), [key]: value };
        }),
      );
    return {
      clear: () => this.queue([], (t) => forCells(t, (cell) => cell && (cell.validation = null))),
      set rule(rule: unknown) {
        set('rule')(rule);
      },
      set prompt(prompt: unknown) {
        set('prompt')(prompt);
      },
      set errorAlert(alert: unknown) {
        set('errorAlert')(alert);
      },
      set ignoreBlanks(ignore: boolean) {
        set('ignoreBlanks')(ignore);
      },
    };
  }
}

function forCells<V>(t: RangeTarget, each: (cell: FakeCell | undefined, row: number, column: number) => V): V[][] {
  const rows: V[][] = [];
  for (let r = t.rect.top; r <= t.rect.bottom; r++) {
    const row: V[] = [];
    for (let c = t.rect.left; c <= t.rect.right; c++) row.push(each(t.sheet.peek(r, c), r, c));
    rows.push(row);
  }
  return rows;
}

function checkDimensions(rect: Rect, values: unknown[][]): void {
  const rows = rect.bottom - rect.top + 1;
  const columns = rect.right - rect.left + 1;
  if (values.length !== rows || values.some((row) => row.length !== columns)) {
    throw new Error(
      "InvalidArgument: The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
    );
  }
}

class FillProxy extends Proxy<RangeTarget> {
  protected override scalars() {
    return {
      color: (t: RangeTarget) => {
        const colours = new Set(forCells(t, (cell) => cell?.fill ?? '#FFFFFF').flat());
        return colours.size === 1 ? [...colours][0] : null;
      },
    };
  }
  get color(): string | null {
    return this.read('color');
  }
  set color(colour: string) {
    this.queue([colour], (t) => forCells(t, (_c, r, c) => (t.sheet.cell(r, c).fill = colour)));
  }
  clear(): void {
    this.queue([], (t) => forCells(t, (cell) => cell && (cell.fill = null)));
  }
}

class SettingCollectionProxy extends Proxy<FakeWorkbook> {
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.model);
  }
  getItemOrNullObject(key: string): SettingProxy {
    this.ctx.enqueue([key], () => undefined);
    return new SettingProxy(this.ctx, () => (this.ctx.model.settings.has(key) ? key : null));
  }
  add(key: string, value: unknown): void {
    this.ctx.enqueue([key, value], () => this.ctx.model.settings.set(key, JSON.stringify(value)));
  }
}

class SettingProxy extends Proxy<string> {
  protected override scalars() {
    return { value: (key: string) => JSON.parse(this.ctx.model.settings.get(key)!) as unknown };
  }
  get value(): unknown {
    return this.read('value');
  }
  delete(): void {
    this.queue([], (key) => this.ctx.model.settings.delete(key));
  }
}

// ---------------------------------------------------------------------------------------------------------

/** The host the gateway is given: `run` over a FakeWorkbook, and the requirement sets this "Excel" has. */
export class FakeExcel {
  readonly runs: RunRecord[] = [];
  constructor(
    readonly workbook = new FakeWorkbook(),
    /** The highest ExcelApi version supported. */
    public apiVersion = '1.8',
  ) {}

  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const context = new FakeContext(this.workbook);
    this.runs.push(context.record);
    return batch(context as unknown as Excel.RequestContext);
  }

  isSetSupported(name: string, version: string): boolean {
    const [major, minor] = version.split('.').map(Number) as [number, number];
    const [haveMajor, haveMinor] = this.apiVersion.split('.').map(Number) as [number, number];
    return name === 'ExcelApi' && (major < haveMajor || (major === haveMajor && minor <= haveMinor));
  }

  /** The last run's record. */
  get last(): RunRecord {
    const record = this.runs[this.runs.length - 1];
    if (!record) throw new Error('Nothing has run yet');
    return record;
  }
}
