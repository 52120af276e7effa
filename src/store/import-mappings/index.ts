/** Saved column mappings and files registered as source documents by the published-shape import. */
export {
  documentExists,
  type ImportedFile,
  type PlanForImport,
  registerImportedFile,
  storedPlanForImport,
} from './imported-files.ts';
export { getImportMapping, listImportMappings, type StoredMapping, saveImportMapping } from './mappings.ts';
