// One measured page load in a fresh Chromium: time to first clusters, retained heap, longest main-thread
// tasks. How each figure is taken:
// - Longest task: a Chrome trace (category `toplevel`) of the page's renderer main thread. Every task the
//   thread runs is a `ThreadControllerImpl::RunTask` slice with its exact duration, short ones included,
//   so the maximum is known even when it is under 50 ms (a PerformanceObserver 'longtask' only reports
//   tasks over 50 ms; its count is kept as a cross-check). The windows are the page's own
//   `bench-load-*` / `bench-browse-*` user-timing marks, which the trace records too.
// - Retained heap: CDP `HeapProfiler.collectGarbage` (twice) then `Runtime.getHeapUsage` (used object heap +
//   ArrayBuffer backing stores) on the page AND on every worker it runs (attached with
//   `Target.setAutoAttach`), after load minus the same sum taken just before the hand-over (the map
//   already shown, the places already generated and kept by the page).
import {chromium} from 'playwright-core';

export const CHROME_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];
export const TRACE_CATEGORIES = ['toplevel', 'blink.user_timing', '__metadata'];
const TASK_EVENTS = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

/** Heap readers for the page and each of its workers. Workers are reached through the page's CDP session
 * in non-flattened mode (messages wrapped in Target.sendMessageToTarget), which a Playwright session allows. */
export async function heapMeter(cdp) {
  const workers = new Set();
  const pending = new Map();
  let nextId = 0;
  const toWorker = (sessionId, method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, {resolve, reject});
      const message = JSON.stringify({id, method, params});
      cdp.send('Target.sendMessageToTarget', {sessionId, message}).catch(reject);
    });
  cdp.on('Target.attachedToTarget', ({sessionId, targetInfo}) => {
    if (targetInfo.type === 'worker') workers.add(sessionId);
  });
  cdp.on('Target.detachedFromTarget', ({sessionId}) => workers.delete(sessionId));
  cdp.on('Target.receivedMessageFromTarget', ({message}) => {
    const m = JSON.parse(message);
    const waiter = pending.get(m.id);
    if (!waiter) return;
    pending.delete(m.id);
    if (m.error) waiter.reject(new Error(m.error.message));
    else waiter.resolve(m.result);
  });
  await cdp.send('Target.setAutoAttach', {autoAttach: true, waitForDebuggerOnStart: false, flatten: false});

  return async function read() {
    // Twice: the first pass can leave objects that only the second frees (weak maps, finalizers).
    for (let i = 0; i < 2; i++) {
      await cdp.send('HeapProfiler.collectGarbage');
      for (const s of workers) await toWorker(s, 'HeapProfiler.collectGarbage').catch(() => {});
    }
    // Objects plus ArrayBuffer backing stores: supercluster keeps its index in typed arrays, which live
    // outside the object heap (`backingStorageSize`); leaving them out would flatter ours.
    const bytes = (u) => u.usedSize + (u.backingStorageSize ?? 0);
    const main = bytes(await cdp.send('Runtime.getHeapUsage'));
    let worker = 0;
    for (const s of workers) worker += bytes(await toWorker(s, 'Runtime.getHeapUsage').catch(() => ({usedSize: 0})));
    return {main, worker, workers: workers.size};
  };
}

/** Longest task (ms) on the renderer main thread between two user-timing marks of a trace. */
export function longestTask(traceBuffer, startMark, endMark) {
  const events = JSON.parse(traceBuffer.toString('utf8')).traceEvents;
  const start = events.find((e) => e.name === startMark);
  const end = events.find((e) => e.name === endMark);
  if (!start || !end) throw new Error(`trace lacks ${startMark} / ${endMark}`);
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === start.pid && e.args?.name === 'CrRendererMain',
  );
  let longest = 0;
  let tasks = 0;
  for (const e of events) {
    if (e.ph !== 'X' || e.pid !== start.pid || e.tid !== main.tid || !TASK_EVENTS.has(e.name)) continue;
    // Tasks overlapping the window count whole: a task that straddles the start mark is part of the load.
    if (e.ts + e.dur < start.ts || e.ts > end.ts) continue;
    tasks++;
    longest = Math.max(longest, e.dur / 1000);
  }
  return {longest, tasks};
}

/** The pixel size of a page's map, so the other side can be given the same box. */
export async function mapSize(url, chromePath) {
  const browser = await chromium.launch({executablePath: chromePath, args: CHROME_ARGS});
  try {
    const page = await browser.newPage({viewport: {width: 1024, height: 768}});
    await page.goto(url);
    await page.waitForFunction(() => window.bench, null, {timeout: 30000});
    return await page.evaluate(() => window.bench.mapSize());
  } finally {
    await browser.close();
  }
}

/** A fresh Chromium and a 1024×768 page, its errors collected, and its heap reader (page and workers). */
export async function openPage(chromePath) {
  const browser = await chromium.launch({executablePath: chromePath, args: CHROME_ARGS});
  const page = await browser.newPage({viewport: {width: 1024, height: 768}});
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const readHeap = await heapMeter(await page.context().newCDPSession(page));
  return {browser, page, errors, readHeap};
}

export async function measureOnce({url, size, seed, timeoutMs, chromePath}) {
  const {browser, page, errors, readHeap} = await openPage(chromePath);
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.bench, null, {timeout: 30000});
    await page.evaluate(([n, s]) => window.bench.generate(n, s), [size, seed]);
    const before = await readHeap();

    await browser.startTracing(page, {categories: TRACE_CATEGORIES});
    const load = await page.evaluate((t) => window.bench.load(t), timeoutMs);
    const loadTrace = longestTask(await browser.stopTracing(), 'bench-load-start', 'bench-load-end');
    const after = await readHeap();

    await browser.startTracing(page, {categories: TRACE_CATEGORIES});
    const browse = await page.evaluate(() => window.bench.browse());
    const browseTrace = longestTask(await browser.stopTracing(), 'bench-browse-start', 'bench-browse-end');

    return {
      mapSize: await page.evaluate(() => window.bench.mapSize()),
      firstClusters: load.firstClusters,
      loaded: load.loaded,
      clustersShown: load.clusters,
      retained: after.main + after.worker - (before.main + before.worker),
      retainedWorker: after.worker - before.worker,
      workers: after.workers,
      loadLongest: loadTrace.longest,
      loadLongTasks: load.longTasks.length,
      browseLongest: browseTrace.longest,
      browseLongTasks: browse.longTasks.length,
      browseSettled: browse.settled,
      browseElapsed: browse.elapsed,
      browseSlowest: browse.slowest,
      errors,
    };
  } finally {
    await browser.close();
  }
}
