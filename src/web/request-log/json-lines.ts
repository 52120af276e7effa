/**
 * The request log as the server writes it: one JSON line per request (`{"level":"info","time":"…","requestId":…}`),
 * handed to the file or stdout once per turn of the event loop. pino's default destination writes each line on its
 * own, and on a cache hit that write cost the server about as much as answering the page from memory; sonic-boom's
 * own batching (`minLength`) measures its whole buffer again on every line. Collected here, a busy server makes one
 * write for all the requests it answered in a turn, and a quiet one still writes each line as it happens.
 *
 * @example const logger = jsonLinesLogger('info') // to stdout
 */
import { type LevelWithSilent, pino } from 'pino';

interface LineDestination {
  write(text: string): unknown;
  flushSync(): void;
}

// A turn that logs more than this (a burst at start-up, say) passes it on in pieces rather than one huge string.
const batchLimit = 64 * 1024;

// Lines not yet handed over when the process exits are written then, synchronously.
const collecting = new Set<() => void>();
process.once('exit', () => {
  for (const handOver of collecting) handOver();
});

/** A pino destination that joins the lines written during one turn and passes them on at its end. */
export function linesPerTurn(destination: LineDestination): { write(line: string): void } {
  let pending = '';
  const handOver = () => {
    if (pending === '') return;
    const batch = pending;
    pending = '';
    destination.write(batch);
  };
  collecting.add(() => {
    handOver();
    try {
      destination.flushSync();
    } catch {
      // Already closed: nothing more can be written.
    }
  });
  return {
    write(line: string) {
      if (pending === '') setImmediate(handOver);
      pending += line;
      if (pending.length >= batchLimit) handOver();
    },
  };
}

export interface JsonLinesOptions {
  /** A file descriptor (stdout by default) or a file path. */
  destination?: number | string;
}

export function jsonLinesLogger(level: LevelWithSilent, { destination = 1 }: JsonLinesOptions = {}) {
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    linesPerTurn(pino.destination({ dest: destination, sync: false })),
  );
}
