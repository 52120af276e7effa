/** The request id and the per-request log line. */
export { requestIdFor, requestIdHeader } from './request-id.ts';
export {
  type RequestLogger,
  type RequestLogLine,
  requestLog,
  writeRequestLine,
} from './request-log.ts';
