/**
 * Text written into a CSV file that people open in a spreadsheet. Excel, LibreOffice and Google
 * Sheets run a cell that starts with = + - @ (or a tab or carriage return before one) as a
 * formula, so a note typed at a station, or a name that came from a customer, could run one on a
 * manager's computer (OWASP "CSV injection"). Such text gets a leading apostrophe, which makes it
 * text there and shows as nothing. Numbers stay numbers; XLSX needs no mark, its string cells are
 * never formulas.
 */
export function spreadsheetText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
