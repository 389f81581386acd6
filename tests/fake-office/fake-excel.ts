/**
 * A small fake of the Excel JavaScript API for tests and the browser playground. Ranges and
 * worksheets are office-addin-mock objects, so a property read before `load` + `context.sync()`
 * gives the mock's error text instead of data, as in Excel. Every write is recorded with its sheet
 * name, every `context.sync()` is counted.
 */
import { OfficeMockObject } from 'office-addin-mock';

export type FakeCell = string | number | boolean | null;

export interface FakeWrite {
  readonly sheet: string;
  readonly address: string;
  readonly property: string;
}

export interface FakeConditionalFormat {
  readonly sheet: string;
  readonly address: string;
  readonly type: string;
  rule: unknown;
  fill: string | null;
  font: string | null;
}

interface Box {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

const COLUMN_LIMIT = 16_384;
const ROW_LIMIT = 1_048_576;

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function letters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** `A1`, `B2:K9`, whole rows `12:12` or whole columns `A:G`; 0-based, inclusive. */
function parseAddress(address: string): Box {
  const part = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const rows = /^(\d+):(\d+)$/.exec(part);
  if (rows) return { r0: Number(rows[1]) - 1, r1: Number(rows[2]) - 1, c0: 0, c1: COLUMN_LIMIT - 1 };
  const cols = /^([A-Z]+):([A-Z]+)$/i.exec(part);
  if (cols) return { r0: 0, r1: ROW_LIMIT - 1, c0: colIndex(cols[1] ?? 'A'), c1: colIndex(cols[2] ?? 'A') };
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(part);
  if (!m) throw new Error(`fake-excel: unsupported address ${address}`);
  const c0 = colIndex(m[1] ?? 'A');
  const r0 = Number(m[2]) - 1;
  return { r0, c0, r1: m[4] ? Number(m[4]) - 1 : r0, c1: m[3] ? colIndex(m[3]) : c0 };
}

function boxAddress(b: Box): string {
  const a = `${letters(b.c0)}${b.r0 + 1}`;
  return b.r0 === b.r1 && b.c0 === b.c1 ? a : `${a}:${letters(b.c1)}${b.r1 + 1}`;
}

/** A format property set on a range, e.g. `font.bold` = true on A1 or `columnWidth` = 330 on G12. */
export interface FakeFormat {
  readonly address: string;
  readonly property: string;
  readonly value: unknown;
}

export interface FakeTable {
  readonly address: string;
  readonly hasHeaders: boolean;
  name: string;
  style: string;
}

export class FakeSheet {
  /** Row-major cells from A1; missing rows and cells are empty. */
  readonly cells: FakeCell[][] = [];
  readonly formulas = new Map<string, string>();
  readonly numberFormats = new Map<string, string>();
  /** Every format set on a range of this sheet, in order (later ones win). */
  readonly formats: FakeFormat[] = [];
  readonly tables: FakeTable[] = [];
  /** Rows frozen at the top (freezePanes.freezeRows), 0 for none. */
  frozenRows = 0;
  constructor(public name: string) {}

  read(b: Box): FakeCell[][] {
    const out: FakeCell[][] = [];
    for (let r = b.r0; r <= b.r1; r++) {
      const row = this.cells[r];
      const line: FakeCell[] = [];
      for (let c = b.c0; c <= b.c1; c++) line.push(row?.[c] ?? '');
      out.push(line);
    }
    return out;
  }

  /** The used range, recomputed only after a write (a full scan of 100 000 rows per range is slow). */
  usedBox(): Box {
    this.used ??= this.scanUsed();
    return this.used;
  }

  private used: Box | null = null;

  private scanUsed(): Box {
    let r1 = -1;
    let c1 = -1;
    this.cells.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v !== '' && v !== null && v !== undefined) {
          r1 = Math.max(r1, r);
          c1 = Math.max(c1, c);
        }
      });
    });
    return r1 < 0 ? { r0: 0, r1: 0, c0: 0, c1: 0 } : { r0: 0, r1, c0: 0, c1 };
  }

  write(b: Box, values: readonly (readonly unknown[])[], store: (r: number, c: number, v: unknown) => void): void {
    if (values.length !== b.r1 - b.r0 + 1 || values.some((row) => row.length !== b.c1 - b.c0 + 1)) {
      throw new Error(`fake-excel: the array does not match ${boxAddress(b)} (InvalidArgument)`);
    }
    values.forEach((row, i) => row.forEach((v, j) => store(b.r0 + i, b.c0 + j, v)));
  }

  setCell(r: number, c: number, v: FakeCell): void {
    this.used = null;
    const row = (this.cells[r] ??= []);
    row[c] = v;
  }
}

/** Calls a mock's methods on the mock itself, and reports every property set from outside. */
function recording<T extends object>(target: T, onSet: (property: string, value: unknown) => void): T {
  return new Proxy(target, {
    get(t, p) {
      const v = Reflect.get(t, p, t);
      return typeof v === 'function' ? v.bind(t) : v;
    },
    set(t, p, v) {
      onSet(String(p), v);
      return Reflect.set(t, p, v, t);
    },
  });
}

export interface FakeWorkbookInit {
  readonly sheets: Readonly<Record<string, readonly (readonly FakeCell[])[]>>;
  /** Number formats per sheet and cell (`{ Plan: { D4: '#,##0' } }`), as the workbook was saved. */
  readonly numberFormats?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly active?: string;
  /** The newest ExcelApi version this host has (default 1.7): newer members throw, as in older Excel. */
  readonly excelApi?: string;
}

/** The ExcelApi set that added each member the fake knows beyond 1.2 (learn.microsoft.com's API reference). */
const ADDED_IN = { conditionalFormats: 1.6, freezePanes: 1.7 } as const;

export class FakeWorkbook {
  readonly sheets = new Map<string, FakeSheet>();
  readonly writes: FakeWrite[] = [];
  readonly conditionalFormats: FakeConditionalFormat[] = [];
  /** Structural changes (sheet added, deleted, activated, range selected), in order. */
  readonly events: string[] = [];
  syncCount = 0;
  active: string;
  private readonly excelApi: number;
  selection: { sheet: string; address: string } | null = null;
  private pending: OfficeMockObject[] = [];

  constructor(init: FakeWorkbookInit) {
    for (const [name, cells] of Object.entries(init.sheets)) {
      const sheet = new FakeSheet(name);
      cells.forEach((row, r) => row.forEach((v, c) => sheet.setCell(r, c, v)));
      for (const [address, format] of Object.entries(init.numberFormats?.[name] ?? {})) sheet.numberFormats.set(address, format);
      this.sheets.set(name, sheet);
    }
    this.active = init.active ?? [...this.sheets.keys()][0] ?? 'Sheet1';
    this.excelApi = Number(init.excelApi ?? '1.7');
  }

  /** Throws as Excel does when an add-in uses a member its version does not have. */
  private requireApi(member: keyof typeof ADDED_IN): void {
    if (this.excelApi < ADDED_IN[member]) throw new Error(`fake-excel: ${member} needs ExcelApi ${ADDED_IN[member]}, this host has ${this.excelApi} (ApiNotFound)`);
  }

  /** The `Excel` global: `Excel.run(batch)`. */
  get excel(): { run<T>(batch: (context: unknown) => Promise<T>): Promise<T> } {
    return { run: (batch) => batch(this.context()) };
  }

  private track<T extends OfficeMockObject>(mock: T): T {
    this.pending.push(mock);
    return mock;
  }

  private context(): unknown {
    return {
      workbook: {
        worksheets: {
          getActiveWorksheet: () => this.worksheet(this.active),
          getItem: (name: string) => {
            if (!this.sheets.has(name)) throw new Error(`fake-excel: no sheet ${name} (ItemNotFound)`);
            return this.worksheet(name);
          },
          getItemOrNullObject: (name: string) => this.worksheet(name),
          add: (name: string) => {
            if (this.sheets.has(name)) throw new Error(`fake-excel: sheet ${name} exists (ItemAlreadyExists)`);
            this.sheets.set(name, new FakeSheet(name));
            this.events.push(`add ${name}`);
            return this.worksheet(name);
          },
        },
      },
      sync: async () => {
        // A sync is a round trip to Excel: the page gets its turn meanwhile (paints, takes a click).
        await new Promise((done) => setTimeout(done));
        this.syncCount++;
        const batch = this.pending;
        this.pending = [];
        for (const mock of batch) await mock.sync();
      },
    };
  }

  private worksheet(name: string): unknown {
    const sheet = this.sheets.get(name);
    const mock = this.track(
      new OfficeMockObject({
        name,
        isNullObject: sheet === undefined,
        getRange: (address: string) => this.range(name, address),
        getUsedRange: () => {
          const s = this.requireSheet(name);
          return this.range(name, boxAddress(s.usedBox()));
        },
        activate: () => {
          this.requireSheet(name);
          this.active = name;
          this.events.push(`activate ${name}`);
        },
        tables: {
          add: (address: string, hasHeaders: boolean) => {
            const table: FakeTable = { address: boxAddress(parseAddress(address)), hasHeaders, name: '', style: '' };
            this.requireSheet(name).tables.push(table);
            this.events.push(`table ${name}!${table.address}`);
            return recording(table, (p) => this.writes.push({ sheet: name, address: table.address, property: `table.${p}` }));
          },
        },
        freezePanes: {
          freezeRows: (count: number) => {
            this.requireApi('freezePanes');
            this.requireSheet(name).frozenRows = count;
            this.writes.push({ sheet: name, address: `1:${count}`, property: 'freezePanes' });
          },
        },
        delete: () => {
          this.requireSheet(name);
          this.sheets.delete(name);
          this.conditionalFormats.splice(0, this.conditionalFormats.length, ...this.conditionalFormats.filter((f) => f.sheet !== name));
          this.events.push(`delete ${name}`);
        },
      }),
    );
    return mock;
  }

  private requireSheet(name: string): FakeSheet {
    const sheet = this.sheets.get(name);
    if (!sheet) throw new Error(`fake-excel: no sheet ${name} (ItemNotFound)`);
    return sheet;
  }

  private range(sheetName: string, address: string): unknown {
    const sheet = this.requireSheet(sheetName);
    const box = parseAddress(address);
    // Whole rows and columns are read only as far as the sheet is used.
    const used = sheet.usedBox();
    const readBox = { ...box, r1: Math.min(box.r1, Math.max(box.r0, used.r1)), c1: Math.min(box.c1, Math.max(box.c0, used.c1)) };
    const record = (property: string) => this.writes.push({ sheet: sheetName, address: boxAddress(box), property });
    const setFormat = (property: string, value: unknown) => {
      record(`format.${property}`);
      sheet.formats.push({ address: boxAddress(box), property, value });
    };
    const mock = this.track(
      new OfficeMockObject({
        values: sheet.read(readBox),
        address: `${sheetName}!${boxAddress(box)}`,
        rowCount: box.r1 - box.r0 + 1,
        columnCount: box.c1 - box.c0 + 1,
        select: () => {
          this.selection = { sheet: sheetName, address: boxAddress(box) };
          this.events.push(`select ${sheetName}!${boxAddress(box)}`);
        },
      }),
    );
    const format = recording(
      {
        fill: recording({ color: '' }, (_p, v) => setFormat('fill.color', v)),
        font: recording({ bold: false, italic: false, color: '', size: 11 }, (p, v) => setFormat(`font.${p}`, v)),
        autofitColumns: () => setFormat('autofitColumns', true),
      },
      (p, v) => setFormat(p, v),
    );
    const conditionalFormats = {
      add: (type: string) => {
        this.requireApi('conditionalFormats');
        record('conditionalFormats');
        const cf: FakeConditionalFormat = { sheet: sheetName, address: boxAddress(box), type, rule: null, fill: null, font: null };
        this.conditionalFormats.push(cf);
        const cfFormat = { fill: recording({ color: '' }, (_p, v) => (cf.fill = String(v))), font: recording({ color: '' }, (_p, v) => (cf.font = String(v))) };
        return { textComparison: recording({ format: cfFormat, rule: null as unknown }, (p, v) => p === 'rule' && (cf.rule = v)) };
      },
    };
    Object.assign(mock, { format, conditionalFormats });
    return recording(mock, (property, value) => {
      record(property);
      const target = this.requireSheet(sheetName);
      if (property === 'values') target.write(box, value as unknown[][], (r, c, v) => target.setCell(r, c, v as FakeCell));
      else if (property === 'formulas') {
        target.write(box, value as unknown[][], (r, c, v) => {
          const text = String(v);
          if (text.startsWith('=')) target.formulas.set(`${letters(c)}${r + 1}`, text);
          target.setCell(r, c, text.startsWith('=') ? (/"([^"]*)"\)$/.exec(text)?.[1] ?? text) : (v as FakeCell));
        });
      } else if (property === 'numberFormat') target.write(box, value as unknown[][], (r, c, v) => target.numberFormats.set(`${letters(c)}${r + 1}`, String(v)));
    });
  }
}
