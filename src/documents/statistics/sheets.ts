import { stringify } from 'csv-stringify/sync';
import writeXlsxFile, { type Row, type Sheet } from 'write-excel-file/node';
import type { StatisticsSheet, StatisticsSheets } from '../../app/ports/statistics';
import { spreadsheetText } from '../../domain/spreadsheet';

/**
 * Payroll exports of the packer statistics: CSV (csv-stringify, RFC 4180 with a header row, UTF-8
 * with a byte-order mark so spreadsheet programs read Polish names right) and XLSX (write-excel-file),
 * the figures on the first sheet and their definitions on the next.
 */
export function createStatisticsSheets(): StatisticsSheets {
  return {
    csv(sheet) {
      return `\uFEFF${stringify([sheet.columns, ...sheet.rows.map((row) => row.map(csvCell))], { record_delimiter: 'windows', quoted_match: /[\r\n]/ })}`;
    },
    async xlsx(sheets) {
      const book: Sheet<never>[] = sheets.map((sheet) => ({
        sheet: sheet.name.slice(0, 31),
        data: [sheet.columns.map((title) => ({ value: title, fontWeight: 'bold' as const })), ...sheet.rows.map(toRow)],
        stickyRowsCount: 1,
        columns: sheet.columns.map((title, i) => ({
          width: Math.min(80, Math.max(10, title.length + 2, ...sheet.rows.map((r) => String(r[i] ?? '').length + 2))),
        })),
      }));
      const buffer = await writeXlsxFile(book).toBuffer();
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    },
  };
}

/** A cell of the CSV: text that a spreadsheet would run as a formula is made text (spreadsheetText). */
function csvCell(cell: StatisticsSheet['rows'][number][number]): string | number {
  if (cell === null) return '';
  return typeof cell === 'string' ? spreadsheetText(cell) : cell;
}

function toRow(row: StatisticsSheet['rows'][number]): Row {
  return row.map((cell) =>
    cell === null ? null : typeof cell === 'number' ? { value: cell, type: Number } : { value: cell, type: String, wrap: cell.length > 80 },
  );
}
