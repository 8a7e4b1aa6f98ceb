// Synthetic places for the map benchmark: deterministic (seeded), spread over a France-like area with
// the density contrasts a real national data set has (dense city cores, suburbs, sparse countryside,
// nothing at sea). Runs in Node and in the page (plain ES modules, served as they are).
import {seededRandom} from '../../packages/testing/seeded-random.mjs';

// [lon, lat, weight (≈ population of the urban area, in 100 k), name]
const CITIES = [
  [2.35, 48.86, 110, 'Paris'], [5.37, 43.30, 16, 'Marseille'], [4.84, 45.76, 23, 'Lyon'],
  [1.44, 43.60, 14, 'Toulouse'], [7.26, 43.70, 10, 'Nice'], [-1.55, 47.22, 10, 'Nantes'],
  [7.75, 48.58, 8.5, 'Strasbourg'], [3.88, 43.61, 8, 'Montpellier'], [-0.58, 44.84, 13, 'Bordeaux'],
  [3.06, 50.63, 12, 'Lille'], [-1.68, 48.11, 7.5, 'Rennes'], [4.03, 49.26, 3, 'Reims'],
  [0.11, 49.49, 3, 'Le Havre'], [4.39, 45.44, 4, 'Saint-Étienne'], [5.93, 43.12, 6, 'Toulon'],
  [5.72, 45.19, 7, 'Grenoble'], [5.04, 47.32, 4, 'Dijon'], [-0.55, 47.47, 4, 'Angers'],
  [4.36, 43.84, 2.6, 'Nîmes'], [3.08, 45.78, 5, 'Clermont-Ferrand'], [-4.49, 48.39, 3, 'Brest'],
  [0.69, 47.39, 5, 'Tours'], [1.26, 45.83, 2.8, 'Limoges'], [2.30, 49.89, 2.7, 'Amiens'],
  [2.90, 42.70, 3.2, 'Perpignan'], [6.18, 49.12, 4, 'Metz'], [6.02, 47.24, 2.5, 'Besançon'],
  [1.91, 47.90, 4.5, 'Orléans'], [1.10, 49.44, 6.6, 'Rouen'], [-0.37, 49.18, 4.2, 'Caen'],
  [7.34, 47.75, 2.8, 'Mulhouse'], [6.18, 48.69, 4.3, 'Nancy'], [-0.37, 43.30, 2.4, 'Pau'],
  [-1.47, 43.49, 3, 'Bayonne'], [0.34, 46.58, 2.6, 'Poitiers'], [-1.15, 46.16, 2.2, 'La Rochelle'],
  [9.45, 42.70, 0.9, 'Bastia'], [8.74, 41.93, 0.8, 'Ajaccio'], [6.13, 45.90, 2.3, 'Annecy'],
  [2.80, 50.29, 1.2, 'Arras'], [4.80, 43.95, 3.3, 'Avignon'], [3.70, 47.80, 0.7, 'Auxerre'],
];

// A coarse outline of mainland France plus Corsica ([lon, lat] rings): scattered places land inside.
const MAINLAND = [
  [-4.8, 48.4], [-1.9, 48.7], [-1.4, 49.7], [1.5, 50.1], [2.5, 51.1], [4.2, 50.0], [5.9, 49.5], [8.2, 49.0],
  [7.6, 47.6], [6.8, 47.3], [5.9, 46.2], [7.0, 45.9], [7.1, 44.2], [7.5, 43.8], [6.2, 43.1], [4.7, 43.4],
  [3.2, 43.1], [3.1, 42.4], [1.4, 42.6], [-1.8, 43.3], [-1.3, 44.5], [-1.2, 46.2], [-2.5, 47.3],
  [-4.4, 47.8],
];
const CORSICA = [[8.6, 42.4], [9.4, 43.0], [9.5, 42.1], [9.2, 41.4], [8.6, 41.9]];

function inside(ring, lon, lat) {
  let hit = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

function gaussian(random) {
  // Box–Muller; 1 - random() keeps the log away from 0.
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/**
 * `count` positions as one Float64Array [lon0, lat0, lon1, lat1, …].
 * 70 % around cities (weighted by population; half in a dense core, half in wider suburbs),
 * 30 % scattered over the land.
 */
export function generatePositions(count, seed = 1) {
  const random = seededRandom(seed);
  const total = CITIES.reduce((sum, c) => sum + c[2], 0);
  const cumulative = [];
  let acc = 0;
  for (const c of CITIES) cumulative.push((acc += c[2] / total));
  const out = new Float64Array(count * 2);
  for (let i = 0; i < count; i++) {
    let lon;
    let lat;
    if (random() < 0.7) {
      const pick = random();
      let k = 0;
      while (cumulative[k] < pick) k++;
      const [clon, clat, weight] = CITIES[k];
      // Spread grows with the city's size; degrees of longitude shrink with latitude.
      const km = (random() < 0.5 ? 1.5 : 6) * Math.sqrt(weight);
      lat = clat + (gaussian(random) * km) / 111;
      lon = clon + (gaussian(random) * km) / (111 * Math.cos((clat * Math.PI) / 180));
    } else {
      do {
        lon = -5 + random() * 14.6;
        lat = 41.3 + random() * 9.8;
      } while (!inside(MAINLAND, lon, lat) && !inside(CORSICA, lon, lat));
    }
    out[2 * i] = lon;
    out[2 * i + 1] = lat;
  }
  return out;
}

const CATEGORIES = ['mairie', 'bibliotheque', 'musee', 'pharmacie', 'restaurant', 'cinema', 'piscine', 'gare'];

/**
 * The same positions as the place objects a site hands to a map (the shape of `<access-map>`'s `Place`:
 * id, position, name, category, source, accessibility). This array is what both sides receive.
 */
export function generatePlaces(count, seed = 1) {
  const positions = generatePositions(count, seed);
  const random = seededRandom(seed ^ 0x9e3779b9);
  const places = new Array(count);
  for (let i = 0; i < count; i++) {
    const category = CATEGORIES[(random() * CATEGORIES.length) | 0];
    const r = random();
    places[i] = {
      id: `sample:${i}`,
      lat: positions[2 * i + 1],
      lon: positions[2 * i],
      name: `${category} ${i}`,
      category,
      source: 'sample',
      accessibility:
        r < 0.35 ? {accessibleWith: {wheelchair: true}} : r < 0.5 ? {partiallyAccessibleWith: {wheelchair: true}} : {},
    };
  }
  return places;
}
