/** The request id and the per-request log line. */
export { type JsonLinesOptions, jsonLinesLogger } from './json-lines.ts';
export { requestIdFor, requestIdHeader } from './request-id.ts';
export {
  type RequestLogger,
  type RequestLogLine,
  requestLog,
  writeRequestLine,
} from './request-log.ts';
