/**
 * OWASP's CSV-injection rule: a spreadsheet runs a text cell that starts with = + - @ tab or CR as a formula, so
 * our CSVs write such a text with a leading apostrophe, and our CSV import takes it off again.
 * A text that itself starts with apostrophes before one of those characters gets one more, so the pair is
 * exact for every string: unguardFormula(guardFormula(t)) === t.
 */

// Any run of apostrophes, then a character a spreadsheet starts a formula with.
const formulaStart = /^'*[=+\-@\t\r]/;
const guardedStart = /^'+[=+\-@\t\r]/;
const APOSTROPHE = 39;

/**
 * The text as a CSV cell a spreadsheet shows as text.
 * @example guardFormula('=HYPERLINK("http://x")') // `'=HYPERLINK("http://x")`
 */
export function guardFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

/**
 * The text a guarded CSV cell stands for; any other cell is returned as it is.
 * @example unguardFormula("'-5%") // '-5%'
 */
export function unguardFormula(cell: string): string {
  // Most cells do not start with an apostrophe: one comparison, no regular expression.
  if (cell.charCodeAt(0) !== APOSTROPHE) return cell;
  return guardedStart.test(cell) ? cell.slice(1) : cell;
}
