/**
 * The fake of Excel (test/support/fakeExcel.ts) is as strict as Excel on the web where the gateway could go
 * wrong: Excel's typing of strings written into General cells, the text format "@" that keeps them, the
 * 5 MB request and response limits, ranges that must match the written array, and a failing call in a batch
 * leaving the calls before it applied and the ones after it not run.
 */
import { EN_GB_DATES, KEPT, RETYPED, typeText } from '../support/excelTyping.js';
import { FakeExcel, RESPONSE_LIMIT_BYTES } from '../support/fakeExcel.js';

async function write(excel: FakeExcel, address: string, values: unknown[][], format?: string): Promise<void> {
  await excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem('S').getRange(address);
    if (format) range.numberFormat = values.map((row) => row.map(() => format));
    range.values = values as string[][];
    await context.sync();
  });
}

function withSheet(): FakeExcel {
  const excel = new FakeExcel();
  excel.workbook.addSheet('S');
  return excel;
}

describe('the fake types strings as Excel (en-US) does', () => {
  it.each(RETYPED)('"%s" written into a General cell is not kept as that text', async (text, becomes) => {
    expect(typeText(text)).toEqual(becomes);
    const excel = withSheet();
    await write(excel, 'A1', [[text]]);
    const cell = excel.workbook.sheet('S')!.peek(1, 1)!;
    if (becomes.kind === 'formula') expect(cell.formula).toBe(becomes.formula);
    else expect(cell.value).toBe(becomes.value);
  });

  it('keeps ordinary text, and en-GB dates (an en-US Excel does not read them), as text', () => {
    for (const text of [...KEPT, ...EN_GB_DATES]) expect(typeText(text)).toEqual({ kind: 'text', value: text });
  });

  it('keeps text after a leading apostrophe, and every string in a cell formatted "@"', async () => {
    const excel = withSheet();
    await write(excel, 'A1', [["'1E3"]]);
    const texts = RETYPED.map(([text]) => [text]);
    await write(excel, `B1:B${texts.length}`, texts, '@');
    const sheet = excel.workbook.sheet('S')!;
    expect(sheet.value(1, 1)).toBe('1E3');
    expect(texts.map((_t, r) => sheet.value(r + 1, 2))).toEqual(texts.map(([t]) => t));
    // A number written into a text cell becomes text too: number columns need their own format.
    await write(excel, 'C1', [[12]], '@');
    expect(sheet.value(1, 3)).toBe('12');
  });
});

describe('the fake keeps Excel on the web’s limits and batch rules', () => {
  it('refuses a response over 5 MB, after the request’s writes were done', async () => {
    const excel = withSheet();
    const big = 'x'.repeat(1024 * 1024);
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      for (let r = 1; r <= 6; r++) {
        sheet.getRange(`A${r}`).values = [[big]];
        await context.sync();
      }
      sheet.getRange('A1:A6').load('values');
      sheet.getRange('B1').values = [['written']];
      await expect(context.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
      const half = sheet.getRange('A1:A3').load('values');
      await context.sync();
      expect(half.values).toEqual([[big], [big], [big]]);
    });
    expect(excel.last.responses[6]).toBeGreaterThan(RESPONSE_LIMIT_BYTES);
    expect(excel.workbook.sheet('S')!.value(1, 2)).toBe('written');
  });

  it('applies the calls queued before a failing one in the same sync, and not the ones after it', async () => {
    const excel = withSheet();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRange('A1').values = [['before']];
      sheet.getRange('A2:B2').values = [['one value for two cells']];
      sheet.getRange('A3').values = [['after']];
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
    const sheet = excel.workbook.sheet('S')!;
    expect([sheet.value(1, 1), sheet.value(2, 1), sheet.value(3, 1)]).toEqual(['before', '', '']);
  });

  it('refuses an array that does not match the range, in rows or in columns', async () => {
    const excel = withSheet();
    await expect(write(excel, 'A1:C1', [['a', 'b']])).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(write(excel, 'A1:A2', [['a']])).rejects.toMatchObject({ code: 'InvalidArgument' });
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('S').getRange('A1:C3').getRow(0).getResizedRange(0, 2);
      range.values = [['a', 'b', 'c']];
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
  });
});
