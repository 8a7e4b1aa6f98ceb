import {expect} from '@open-wc/testing';
import {LienError} from '@lien/open-data/errors.js';
import {readLienPlaces} from '@lien/open-data/lien.js';

// The gateway's clustered answer is checked end to end against the real gateway (access-map's server-clusters
// test); here, what a damaged or hostile one becomes.
const clustered = (features: unknown[]) => ({type: 'FeatureCollection', features, meta: {count: 0, clustered: true, licenses: []}});
const cluster = (properties: unknown, coordinates: unknown = [2.35, 48.85]) => ({type: 'Feature', geometry: {type: 'Point', coordinates}, properties});

describe('the gateway\'s clusters', () => {
  it('reads each as a position, a count, the accessible ones among them and an extent, and no place', () => {
    const read = readLienPlaces(clustered([cluster({cluster: true, count: 12, accessible: 5, bbox: [2.3, 48.8, 2.4, 48.9]})]));
    expect(read.places).to.deep.equal([]);
    expect(read.clusters).to.deep.equal([{lat: 48.85, lon: 2.35, count: 12, accessible: 5, bbox: [2.3, 48.8, 2.4, 48.9]}]);
    expect(read.count).to.equal(12);
  });

  it('never says more accessible places than the cluster holds, and takes a missing extent as its point', () => {
    const read = readLienPlaces(clustered([cluster({cluster: true, count: 3, accessible: 9, bbox: ['<img src=x>', 1, 2, 3]}), cluster({count: 2, accessible: -1})]));
    expect(read.clusters!.map((c) => [c.count, c.accessible])).to.deep.equal([[3, 3], [2, 0]]);
    expect(read.clusters![0].bbox).to.deep.equal([2.35, 48.85, 2.35, 48.85]);
  });

  it('refuses a cluster without a count, or without a position, naming where', () => {
    for (const [feature, field] of [
      [cluster({cluster: true, count: '12'}), 'features[0].properties.count'],
      [cluster({cluster: true, count: 4}, []), 'features[0].geometry'],
    ] as const) {
      let error: unknown;
      try {
        readLienPlaces(clustered([feature]));
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(LienError);
      expect((error as LienError).field).to.equal(field);
    }
  });
});
