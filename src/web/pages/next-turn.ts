/**
 * Gives the event loop a turn between pieces of a page's work: a plan page that rates 300 indicators in one go keeps
 * every other request waiting meanwhile (issue 16: rendering never blocks the process for more than 50 ms).
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * A `nextTurn` that gives the turn only once `budgetMs` of work have passed since the last one (or since it was
 * made): a small plan's rollups then run in one piece. Each turn given costs the request a place at the back of
 * the queue, and at 64 connections a plan page yielding after every pillar waited seven times as long as it worked.
 * @example const turn = turnsEvery(10); for (const pillar of pillars) { summarize(pillar); await turn(); }
 */
export function turnsEvery(budgetMs: number): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < budgetMs) return;
    await nextTurn();
    since = performance.now();
  };
}
