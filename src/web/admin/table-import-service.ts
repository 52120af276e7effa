/** The staff side's table import over one database: the same engine, limits and history as `mieruka import`. */
import type { Kysely } from 'kysely';
import { importTableFile } from '../../io/table-import/index.ts';
import { listMappings, resolveMapping, saveMapping } from '../../io/table-import/published-mappings.ts';
import { buildTemplateWorkbook } from '../../io/tables/index.ts';
import type { Database } from '../../store/schema.ts';
import type { TableImportService } from '../auth/staff-env.ts';
import { pendingImports } from './pending-imports.ts';

/** @example tableImportService(db).importTable(bytes, { file: 'obs.csv', dryRun: true, actor: 'admin' }) */
export function tableImportService(db: Kysely<Database>): TableImportService {
  return {
    importTable: (bytes, options) => importTableFile(db, bytes, options),
    template: (kind, viewpointLabels) => buildTemplateWorkbook(kind, viewpointLabels),
    resolveMapping: (choices) => resolveMapping(db, choices),
    saveMapping: (name, mapping, actor) => saveMapping(db, name, mapping, actor),
    listMappings: () => listMappings(db),
    pending: pendingImports(db),
  };
}
