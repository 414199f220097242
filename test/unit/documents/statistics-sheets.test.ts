import { unzipSync, strFromU8 } from 'fflate';
import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { createStatisticsSheets } from '../../../src/documents/statistics/sheets';

/** Names as a person may type them into Packdesk: a spreadsheet must never run them. */
const HOSTILE = ['=HYPERLINK("http://evil.example","Pay")', '+48 600 100 200', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1'];
const sheet = { name: 'Statistics', columns: ['Packer ID', 'Packer', 'Orders'], rows: HOSTILE.map((name, i) => [i + 1, name, -i]) };

describe('payroll sheets against formula injection', () => {
  it('writes a CSV cell that starts with = + - @, a tab or a carriage return as text, and leaves numbers alone', () => {
    const csv = createStatisticsSheets().csv(sheet);
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[1]).toBe(`1,"'=HYPERLINK(""http://evil.example"",""Pay"")",0`);
    expect(lines[2]).toBe(`2,'+48 600 100 200,-1`);
    expect(lines[3]).toBe(`3,'-2+3,-2`);
    expect(lines[4]).toBe(`4,'@SUM(A1:A9),-3`);
    expect(lines[5]).toBe(`5,'\t=1+1,-4`);
    expect(lines[6]).toBe(`6,"'\r=1+1",-5`);
  });

  it('writes the same names into XLSX as text cells, never as formulas, and reads them back unchanged', async () => {
    const bytes = await createStatisticsSheets().xlsx([sheet]);
    const files = unzipSync(bytes);
    const xml = Object.entries(files)
      .filter(([name]) => name.startsWith('xl/worksheets/'))
      .map(([, data]) => strFromU8(data))
      .join('');
    expect(xml).not.toMatch(/<f[ >]/);
    // The reader trims the leading tab and carriage return; the rest comes back as typed.
    const rows = await readSheet(Buffer.from(bytes));
    expect(rows.slice(1).map((r) => r[1])).toEqual(HOSTILE.map((n) => n.trim()));
  });
});
