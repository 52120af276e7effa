/**
 * UUIDv7 ids (RFC 9562): the time in milliseconds first, then a counter, then random bits, so ids made one after
 * another sort one after another. A bulk import's source rows then go to the right-hand end of the primary key's
 * B-tree and of every index on a column that points to them, instead of to a random page of an index that grows
 * past the server's memory as the national set fills it (random v4 ids made each insert touch a page of its own).
 */
import { randomUUID } from 'node:crypto';

let lastMs = 0;
let counter = 0;

/**
 * A new id, greater than every id this process made before (the clock going back is waited out by the counter):
 * `timeOrderedId() // '0193c2d4-8f3a-7000-9b1e-4c0d2f6a8e11'`.
 */
export function timeOrderedId(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else if (counter === 0xfff) {
    // 4,096 ids in one millisecond: borrow the next one, as the RFC allows.
    lastMs += 1;
    counter = 0;
  } else counter += 1;
  const time = lastMs.toString(16).padStart(12, '0');
  // randomUUID's last 62 bits are random and its variant bits are those of v7 as well.
  return `${time.slice(0, 8)}-${time.slice(8)}-7${counter.toString(16).padStart(3, '0')}${randomUUID().slice(18)}`;
}
