// The file a site would publish: the bench's places (data.mjs, same seed) as one GeoJSON FeatureCollection with
// OpenStreetMap tags (name, amenity, wheelchair), written once per size under bench/results/site/.
import {createWriteStream, existsSync, mkdirSync, renameSync} from 'node:fs';
import {join} from 'node:path';
import {generatePlaces} from './data.mjs';

const WHEELCHAIR = (place) =>
  place.accessibility.accessibleWith?.wheelchair ? 'yes' : place.accessibility.partiallyAccessibleWith?.wheelchair ? 'limited' : 'no';

/** Writes (unless already there) the GeoJSON file of `size` places; answers its path under the repository. */
export async function writeSiteData(root, size, seed) {
  const dir = join(root, 'bench/results/site');
  const name = `places-${size}-${seed}.geojson`;
  const file = join(dir, name);
  if (existsSync(file)) return `/bench/results/site/${name}`;
  mkdirSync(dir, {recursive: true});
  const places = generatePlaces(size, seed);
  const partial = `${file}.part`;
  const out = createWriteStream(partial);
  const write = (text) => (out.write(text) ? undefined : new Promise((resolve) => out.once('drain', resolve)));
  await write('{"type":"FeatureCollection","features":[');
  for (let i = 0; i < places.length; i++) {
    const p = places[i];
    const feature = {
      type: 'Feature',
      id: p.id,
      geometry: {type: 'Point', coordinates: [Math.round(p.lon * 1e6) / 1e6, Math.round(p.lat * 1e6) / 1e6]},
      properties: {name: p.name, amenity: p.category, wheelchair: WHEELCHAIR(p)},
    };
    await write((i ? ',' : '') + JSON.stringify(feature));
  }
  await write(']}\n');
  await new Promise((resolve) => out.end(resolve));
  renameSync(partial, file);
  return `/bench/results/site/${name}`;
}
