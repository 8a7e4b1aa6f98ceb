/**
 * Work over many places, written as a generator that yields now and then. Small sets run through at once
 * (the element stays synchronous for them); large ones run in slices of a few milliseconds, so that no
 * main-thread task grows long enough to hold back a frame or a keypress.
 */
export type Steps<T> = Generator<void, T, void>;

/** Items a loop handles between two yields (a look at the clock costs more than one item). */
export const STRIDE = 4096;
const SLICE_MS = 8;

export function runNow<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

const pause = (): Promise<void> => {
  const scheduler = (globalThis as {scheduler?: {yield?: () => Promise<void>}}).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
};

/**
 * Runs `steps` in tasks of their own (the first one too: the work that asked for it finishes first), giving
 * the main thread back every few milliseconds; rejects once `signal` aborts.
 */
export async function runSliced<T>(steps: Steps<T>, signal: AbortSignal): Promise<T> {
  await pause();
  signal.throwIfAborted();
  let sliceEnd = performance.now() + SLICE_MS;
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() < sliceEnd) continue;
    await pause();
    signal.throwIfAborted();
    sliceEnd = performance.now() + SLICE_MS;
  }
}
