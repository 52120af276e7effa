/**
 * Gives the event loop a turn between pieces of a page's work: a plan page that rates 300 indicators in one go keeps
 * every other request waiting meanwhile (issue 16: rendering never blocks the process for more than 50 ms).
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
