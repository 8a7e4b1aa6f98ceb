import {expect} from '@open-wc/testing';
import {createClusterIndex, type ClusterItem} from '../src/clustering/index.js';
import {WorkerClient} from '../src/clustering/worker-client.js';

/** Deterministic pseudo-random points around Lorient. */
function points(n: number, seed = 1) {
  let s = seed;
  const random = () => ((s = (s * 16807) % 2147483647) / 2147483647);
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    lon[i] = -3.5 + random() * 0.4;
    lat[i] = 47.6 + random() * 0.3;
  }
  return {lon, lat};
}

const total = (items: ClusterItem[]) => items.reduce((sum, item) => sum + (item.kind === 'cluster' ? item.count : 1), 0);
const WORLD: [number, number, number, number] = [-180, -85, 180, 85];

describe('createClusterIndex', () => {
  it('builds in a Web Worker, transfers the arrays, and returns the first view with the index', async () => {
    const input = points(20_000);
    const index = await createClusterIndex(input, {worker: 'always', view: {bbox: WORLD, zoom: 8}});
    expect(index.inWorker).to.equal(true);
    expect(input.lon.length).to.equal(0); // transferred, not copied
    expect(total(index.initial)).to.equal(20_000);
    expect(index.initial.length).to.be.lessThan(50);
    index.destroy();
  });

  it('answers the same in the worker and on the main thread', async () => {
    const inWorker = await createClusterIndex(points(3_000, 7), {worker: 'always'});
    const inPage = await createClusterIndex(points(3_000, 7), {worker: 'never'});
    expect(inPage.inWorker).to.equal(false);
    const bbox: [number, number, number, number] = [-3.45, 47.65, -3.2, 47.8];
    for (const zoom of [9, 12, 15, 18]) {
      expect(await inWorker.getClusters(bbox, zoom)).to.deep.equal(await inPage.getClusters(bbox, zoom));
    }
    inWorker.destroy();
    inPage.destroy();
  });

  it('splits a cluster at its expansion zoom and lists its leaves', async () => {
    const input = points(2_000, 3);
    const copy = {lon: input.lon.slice(), lat: input.lat.slice()};
    for (const mode of ['always', 'never'] as const) {
      const index = await createClusterIndex({lon: copy.lon.slice(), lat: copy.lat.slice()}, {worker: mode});
      const clusters = (await index.getClusters(WORLD, 10)).filter((c) => c.kind === 'cluster');
      const cluster = clusters[0] as Extract<ClusterItem, {kind: 'cluster'}>;
      const zoom = await index.getExpansionZoom(cluster.id);
      expect(zoom).to.be.greaterThan(10);
      const leaves = await index.getLeaves(cluster.id);
      expect(leaves.length).to.equal(cluster.count);
      const limited = await index.getLeaves(cluster.id, 5);
      expect(limited.length).to.equal(Math.min(5, cluster.count));
      // Leaves are indices into the input: their points lie near the cluster.
      for (const i of limited) expect(Math.abs(copy.lon[i] - cluster.lon)).to.be.lessThan(0.5);
      index.destroy();
    }
  });

  it('gives single points their index at high zoom', async () => {
    const lon = Float64Array.from([-3.36, -3.37, 2.35]);
    const lat = Float64Array.from([47.75, 47.76, 48.85]);
    const index = await createClusterIndex({lon, lat}, {worker: 'never'});
    const items = await index.getClusters(WORLD, 18);
    expect(items.map((i) => (i.kind === 'point' ? i.index : -1)).sort()).to.deep.equal([0, 1, 2]);
    expect(total(await index.getClusters(WORLD, 3))).to.equal(3);
  });

  it('clusters 300,000 points in the worker while the page goes on running its own tasks', async () => {
    const input = points(300_000, 11);
    let ranMeanwhile = false;
    setTimeout(() => (ranMeanwhile = true));
    // Built on the main thread, the build would be one task and the timer could not run before its end.
    const index = await createClusterIndex(input, {worker: 'always', view: {bbox: [-3.45, 47.65, -3.2, 47.8], zoom: 12}});
    expect(ranMeanwhile, 'a timer ran during the build').to.equal(true);
    expect(index.inWorker).to.equal(true);
    expect(input.lon.length).to.equal(0);
    expect(total(await index.getClusters(WORLD, 8))).to.equal(300_000);
    index.destroy();
  });

  // Last: the page clusters on its main thread after this.
  it('settles what was asked of a worker that crashed, and clusters on the main thread from then on', async () => {
    const index = await createClusterIndex(points(20_000, 5), {worker: 'always'});
    expect(index.inWorker).to.equal(true);
    const asked = index.getClusters(WORLD, 8);
    const client = (await WorkerClient.get()) as unknown as {worker: Worker};
    client.worker.dispatchEvent(new ErrorEvent('error', {message: 'out of memory'}));
    const error = await asked.then(() => undefined, (e: Error) => e);
    expect(error?.message).to.equal('The clustering worker stopped');
    expect((await WorkerClient.get()) === null, 'the crashed worker is asked again').to.equal(true);
    const next = await createClusterIndex(points(20_000, 5), {worker: 'always', view: {bbox: WORLD, zoom: 8}});
    expect(next.inWorker).to.equal(false);
    expect(total(next.initial)).to.equal(20_000);
  });
});
