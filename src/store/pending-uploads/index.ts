/** Uploads waiting for their confirmation, shared by every node through the database. */
export {
  createPendingUploadStore,
  defaultPendingUploadSettings,
  type KeepOutcome,
  type PendingUpload,
  type PendingUploadInput,
  type PendingUploadSettings,
  type PendingUploadStore,
} from './pending-uploads.ts';
