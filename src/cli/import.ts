/**
 * `mieruka import`: a JSON interchange document goes to import-document.ts, a CSV or XLSX table to import-table.ts.
 * Each branch is imported only when it runs, so a table import does not load the interchange format.
 */
import { extname } from 'node:path';
import type { CliIo } from './command.ts';

/** True when the command line names a staff table rather than a JSON document. */
export const isTableImport = (args: readonly string[]): boolean =>
  args.some((arg) => !arg.startsWith('-') && ['.csv', '.xlsx'].includes(extname(arg).toLowerCase()));

/** Runs `mieruka import` on a table or a JSON document, by the file's extension. */
export async function runImport(args: string[], io: CliIo): Promise<number> {
  return isTableImport(args)
    ? (await import('./import-table.ts')).runTableImport(args, io)
    : (await import('./import-document.ts')).runDocumentImport(args, io);
}
