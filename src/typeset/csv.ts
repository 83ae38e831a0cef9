/**
 * CSV as spreadsheet programs open it without asking: UTF-8 with a byte-order mark (Excel
 * otherwise reads Vietnamese as Windows-1252), CRLF line ends and RFC 4180 quoting.
 */

/** Characters that make a cell a formula in Excel and LibreOffice. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, quoted when it must be; a cell that would run as a formula gets a leading apostrophe. */
function cell(value: string): string {
  // A task text is data, never a formula: "=HYPERLINK(...)" typed into a plan must not run.
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The bytes of a CSV file with the given rows (the first is usually the header). */
export function csvBytes(rows: readonly (readonly string[])[]): Uint8Array {
  const text = rows.map((row) => row.map(cell).join(',')).join('\r\n');
  return new TextEncoder().encode(`\uFEFF${text}\r\n`);
}
