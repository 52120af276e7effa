/** Organizations and source documents registered from the staff screens, and the check of cited lines. */
export {
  documentFileContent,
  documentFileInfo,
  documentText,
  maxDocumentTextLength,
  registerDocument,
  textOrigins,
} from './documents.ts';
export { editableDocument, editableOrganization, updateDocument, updateOrganization } from './edits.ts';
export { adminOnlyMessage, createOrganization } from './organizations.ts';
