import { parse, type CsvError } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { spreadsheetText } from '../../domain/spreadsheet';

export interface CsvRow {
  /** The file line the row starts on (1 is the header). */
  line: number;
  cells: string[];
}

/** A row csv-parse could not read (a quote never closed), by the line it starts on. */
export interface CsvProblem {
  line: number;
  message: string;
}

/** What csv-parse gives per record with `info` on (its declared return type does not say so). */
interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

const lineBreaks = (text: string) => text.match(/\n/g)?.length ?? 0;

/**
 * RFC 4180 by csv-parse: comma or semicolon separated (whichever the header uses more; Polish
 * spreadsheets save semicolons), double quotes around cells with separators, quotes or line
 * breaks; a BOM is ignored, and so are rows with nothing but blanks. A quote inside an unquoted
 * cell is taken as text, as spreadsheets write it. A row that cannot be read is reported, and the
 * rows before it are kept.
 */
export function parseCsv(text: string): { rows: CsvRow[]; problems: CsvProblem[] } {
  // One kind of line break: csv-parse counts a CRLF inside a quoted cell as two lines, which would
  // put every later row on the wrong line of the report.
  const src = text.replace(/\r\n?/g, '\n');
  const firstLine = src.replace(/^\uFEFF/, '').split('\n', 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const problems: CsvProblem[] = [];
  const parsed = parse(src, {
    bom: true,
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_records_with_empty_values: true,
    skip_records_with_error: true,
    info: true,
    raw: true,
    on_skip: (error: CsvError | undefined, raw: string | undefined) => {
      if (!error) return undefined;
      // The error names the line where reading stopped; the row began as many line breaks earlier as it holds.
      const stoppedAt = typeof error.lines === 'number' ? error.lines : 1;
      const line = stoppedAt - lineBreaks((raw ?? '').replace(/\n$/, ''));
      problems.push({ line, message: `this row cannot be read as CSV: ${error.message}` });
      return undefined;
    },
  }) as unknown as ParsedRecord[];
  // info.lines is the line a record ends on; a row with line breaks inside quotes began earlier.
  const rows = parsed.map(({ record, info }) => ({ line: info.lines - record.reduce((n, cell) => n + lineBreaks(cell), 0), cells: record }));
  return { rows, problems };
}

/** Rows as objects keyed by the lower-cased header names, and the rows that could not be read. */
export function csvRecords(text: string): { records: { line: number; record: Record<string, string> }[]; problems: CsvProblem[] } {
  const { rows, problems } = parseCsv(text);
  const [header, ...body] = rows;
  if (!header) return { records: [], problems };
  const names = header.cells.map((h) => h.trim().toLowerCase());
  const records = body.map((row) => ({ line: row.line, record: Object.fromEntries(names.map((n, i) => [n, (row.cells[i] ?? '').trim()])) }));
  return { records, problems };
}

/**
 * One CSV line, ending in a line break, quoted only where needed. Semicolons are quoted too, so a
 * spreadsheet set to read semicolons (as Polish ones are) still sees one cell. Text a spreadsheet
 * would run as a formula (a note that starts with "=") is made text (domain/spreadsheet.ts).
 */
export function csvLine(cells: readonly (string | number | boolean | null)[]): string {
  const safe = cells.map((cell) => (typeof cell === 'string' ? spreadsheetText(cell) : cell));
  return stringify([safe], { quoted_match: /;/, cast: { boolean: (value) => String(value) } });
}
