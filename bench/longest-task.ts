/**
 * The longest single task the event loop ran: one callback (a socket's data, a timer, an immediate) together with
 * the promise continuations and next-ticks it set off, which run before the loop can turn to anything else. This is
 * the block one piece of work causes. monitorEventLoopDelay measures something wider: how late its timer fires,
 * which under many connections is the sum of every callback the loop handled in one turn (each socket's data in the
 * poll phase, one after another), many small tasks rather than one long one.
 * Each task is measured twice: in wall time, which on a machine shared with the database's backends includes the
 * time the operating system gave the CPU to them mid-task, and in the main thread's CPU time, the work itself.
 * Measured with async hooks and a clock read of the thread's CPU after each callback, which slow promise-heavy code,
 * so both are upper bounds.
 */
import { createHook } from 'node:async_hooks';

/** Resource types that run inside the task that queued them, not as tasks of their own. */
const continuations = new Set(['PROMISE', 'TickObject', 'Microtask']);

/**
 * A continuation this long after the last callback ended starts a task of its own: some callbacks from native code
 * (and those of resources created before the watcher) come without hooks, and their continuations would otherwise
 * stretch the task before them over the idle time between.
 */
const idleGapMs = 1;

export interface TaskFigures {
  /** The longest task in wall time, ms. */
  wallMs: number;
  /** The most main-thread CPU one task used, ms. */
  cpuMs: number;
  /** Tasks whose CPU reached `overMs`. */
  cpuOver: number;
}

export interface LongestTask {
  /** The figures since the last reset, with the count of tasks that used `overMs` of CPU or more. */
  figures(overMs: number): TaskFigures;
  reset(): void;
}

const threadCpuMs = () => {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
};

export function watchLongestTask(): LongestTask {
  const taskIds = new Set<number>();
  let depth = 0;
  let taskStart = -1;
  let taskCpuStart = 0;
  let lastAfter = -1;
  let lastAfterCpu = 0;
  const walls: number[] = [];
  const cpus: number[] = [];
  const close = () => {
    if (taskStart < 0) return;
    const took = lastAfter - taskStart;
    taskStart = -1;
    // A task still running when asked (the question's own) has no end yet.
    if (took < 0) return;
    walls.push(took);
    cpus.push(lastAfterCpu - taskCpuStart);
  };
  createHook({
    init(asyncId, type) {
      if (!continuations.has(type)) taskIds.add(asyncId);
    },
    before(asyncId) {
      if (depth === 0) {
        const now = performance.now();
        if (taskIds.has(asyncId) || taskStart < 0 || now - lastAfter > idleGapMs) {
          close();
          taskStart = now;
          taskCpuStart = threadCpuMs();
        }
      }
      depth += 1;
    },
    after() {
      // Enabled from inside a callback, the hook sees that callback's end and not its start.
      depth = Math.max(0, depth - 1);
      if (depth === 0) {
        lastAfter = performance.now();
        lastAfterCpu = threadCpuMs();
      }
    },
    destroy(asyncId) {
      taskIds.delete(asyncId);
    },
  }).enable();
  return {
    figures: (overMs) => {
      close();
      return {
        wallMs: walls.reduce((a, b) => Math.max(a, b), 0),
        cpuMs: cpus.reduce((a, b) => Math.max(a, b), 0),
        cpuOver: cpus.filter((ms) => ms >= overMs).length,
      };
    },
    reset: () => {
      close();
      walls.length = 0;
      cpus.length = 0;
    },
  };
}
