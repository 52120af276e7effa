/** Source documents staff upload: their text, from a text file or a PDF. */
export { type ReadUploadOptions, readUploadText, type UploadKind, type UploadText } from './read-upload.ts';
