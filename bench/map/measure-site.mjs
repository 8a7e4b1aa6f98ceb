// One measured load of a site's page, in a fresh Chromium: the page's own clock from navigation start to the first
// frame with clusters, the longest main-thread task from the page's start to the first clusters and to everything
// loaded (the same Chrome trace reading as measure.mjs), the heap of the page and its workers once loaded, then the
// same 20 moves as the hand-over table.
import {longestTask, openPage, TRACE_CATEGORIES} from './measure.mjs';

/** The longest task between two marks, or null when the page never reached the second. */
function longestOrNull(trace, start, end) {
  try {
    return longestTask(trace, start, end).longest;
  } catch {
    return null;
  }
}

export async function measureSite({url, timeoutMs, chromePath}) {
  const {browser, page, errors, readHeap} = await openPage(chromePath);
  try {
    await browser.startTracing(page, {categories: TRACE_CATEGORIES});
    await page.goto(url, {waitUntil: 'commit'});
    const reached = (name) =>
      page
        .waitForFunction((n) => window[n] !== undefined, name, {timeout: timeoutMs, polling: 100})
        .then(() => page.evaluate((n) => window[n], name))
        .catch(() => null);
    const firstClusters = await reached('siteFirstClusters');
    const loaded = await reached('siteLoaded');
    const trace = await browser.stopTracing();
    const heap = await readHeap();
    const count = await page.evaluate(() => window.siteCount ?? null);

    let browse = {settled: 0, slowest: null, elapsed: null, longTasks: []};
    let browseLongest = null;
    if (loaded !== null) {
      await page.waitForFunction(() => window.bench, null, {timeout: 30_000});
      await browser.startTracing(page, {categories: TRACE_CATEGORIES});
      browse = await page.evaluate(() => window.bench.browse());
      browseLongest = longestOrNull(await browser.stopTracing(), 'bench-browse-start', 'bench-browse-end');
    }
    return {
      mapSize: await page.evaluate(() => window.bench?.mapSize() ?? null),
      firstClusters,
      loaded,
      count,
      heap: heap.main + heap.worker,
      workers: heap.workers,
      firstLongest: longestOrNull(trace, 'bench-site-start', 'bench-first-clusters'),
      loadLongest: longestOrNull(trace, 'bench-site-start', 'bench-site-loaded'),
      browseLongest,
      browseSettled: browse.settled,
      browseSlowest: browse.slowest,
      errors,
    };
  } finally {
    await browser.close();
  }
}
