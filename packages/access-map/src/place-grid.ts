import type {Place} from '@lien/open-data/place.js';
import {STRIDE, type Steps} from './slices.js';
import type {BBox} from './sources/types.js';

/** In view: how many places, and the ones nearest the view's centre, nearest first. */
export interface InView {
  count: number;
  nearest: Place[];
}

/** Up to this many places in view are all sorted by distance; above, only those of the central cells. */
const SORT_ALL = 2000;

/**
 * Places bucketed in a grid of cells over their extent, so that a view's places are counted and its
 * nearest ones found by visiting the cells it covers, not every place: a move at a million places costs
 * a few thousand steps. Also holds the coordinates as two arrays, which the map's clustering is built from.
 */
export class PlaceGrid {
  private constructor(
    readonly places: Place[],
    readonly lon: Float64Array,
    readonly lat: Float64Array,
    /** The places' extent, west, south, east, north. */
    private extent: BBox,
    /** Cells per side. */
    private side: number,
    /** Cell c holds `order[start[c]]` … `order[start[c + 1] - 1]`. */
    private start: Uint32Array,
    private order: Uint32Array
  ) {}

  static *build(places: Place[]): Steps<PlaceGrid> {
    const n = places.length;
    const lon = new Float64Array(n);
    const lat = new Float64Array(n);
    let [w, s, e, north] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let i = 0; i < n; i++) {
      const x = (lon[i] = places[i].lon);
      const y = (lat[i] = places[i].lat);
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > north) north = y;
      if (i % STRIDE === STRIDE - 1) yield;
    }
    // About eight places a cell, at most 512×512 cells (1 MB of offsets).
    const side = Math.max(1, Math.min(512, Math.round(Math.sqrt(n / 8))));
    const grid = new PlaceGrid(places, lon, lat, [w, s, e, north], side, new Uint32Array(side * side + 1), new Uint32Array(n));
    const cellOf = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const cell = grid.row(lat[i]) * side + grid.col(lon[i]);
      cellOf[i] = cell;
      grid.start[cell + 1]++;
      if (i % STRIDE === STRIDE - 1) yield;
    }
    for (let c = 1; c < grid.start.length; c++) grid.start[c] += grid.start[c - 1];
    const next = grid.start.slice(0, -1);
    for (let i = 0; i < n; i++) {
      grid.order[next[cellOf[i]]++] = i;
      if (i % STRIDE === STRIDE - 1) yield;
    }
    return grid;
  }

  private col(x: number): number {
    const [w, , e] = this.extent;
    return Math.max(0, Math.min(this.side - 1, Math.floor(((x - w) / (e - w || 1)) * this.side)));
  }

  private row(y: number): number {
    const [, s, , n] = this.extent;
    return Math.max(0, Math.min(this.side - 1, Math.floor(((y - s) / (n - s || 1)) * this.side)));
  }

  /** The places inside `bbox`: their count, and up to `limit` of them nearest its centre. */
  within(bbox: BBox, limit: number): InView {
    const [w, s, e, n] = bbox;
    const [ew, es, ee, en] = this.extent;
    if (!this.places.length || w > ee || e < ew || s > en || n < es) return {count: 0, nearest: []};
    const [c0, c1, r0, r1] = [this.col(w), this.col(e), this.row(s), this.row(n)];
    const cellW = (ee - ew) / this.side;
    const cellH = (en - es) / this.side;
    const inside = (i: number) => this.lon[i] >= w && this.lon[i] <= e && this.lat[i] >= s && this.lat[i] <= n;
    let count = 0;
    for (let r = r0; r <= r1; r++) {
      const whollyInRow = es + r * cellH >= s && es + (r + 1) * cellH <= n;
      for (let c = c0; c <= c1; c++) {
        const cell = r * this.side + c;
        if (whollyInRow && ew + c * cellW >= w && ew + (c + 1) * cellW <= e) count += this.start[cell + 1] - this.start[cell];
        else for (let k = this.start[cell]; k < this.start[cell + 1]; k++) count += inside(this.order[k]) ? 1 : 0;
      }
    }
    // Rings of cells around the centre's cell, until enough places are found (all of them when few).
    const [cx, cy] = [(w + e) / 2, (s + n) / 2];
    const [cc, cr] = [this.col(cx), this.row(cy)];
    const wanted = count <= SORT_ALL ? count : limit;
    const found: number[] = [];
    const rings = Math.max(cc - c0, c1 - cc, cr - r0, r1 - cr);
    const visit = (r: number, c: number) => {
      if (c < c0 || c > c1) return;
      const cell = r * this.side + c;
      for (let k = this.start[cell]; k < this.start[cell + 1]; k++) if (inside(this.order[k])) found.push(this.order[k]);
    };
    for (let d = 0; d <= rings && found.length < wanted; d++) {
      for (let r = Math.max(r0, cr - d); r <= Math.min(r1, cr + d); r++) {
        // The ring's top and bottom rows whole; in between, its two sides.
        if (Math.abs(r - cr) === d) for (let c = cc - d; c <= cc + d; c++) visit(r, c);
        else {
          visit(r, cc - d);
          if (d) visit(r, cc + d);
        }
      }
    }
    const distance = (i: number) => (this.lon[i] - cx) ** 2 + (this.lat[i] - cy) ** 2;
    let nearest = found;
    if (found.length > limit) {
      // Dense central cells can hold tens of thousands: keep the `limit` nearest before sorting objects.
      const sorted = Float64Array.from(found, distance).sort();
      const farthest = sorted[limit - 1];
      nearest = found.filter((i) => distance(i) <= farthest);
    }
    // Ties keep the places' own order, as a stable sort of the whole list would.
    nearest.sort((a, b) => distance(a) - distance(b) || a - b);
    return {count, nearest: nearest.slice(0, limit).map((i) => this.places[i])};
  }
}
