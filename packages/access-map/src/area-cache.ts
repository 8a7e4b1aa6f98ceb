import {containsBBox} from './geo.js';
import type {BBox, LoadResult} from './sources/types.js';

/**
 * Answers already loaded, per area: an area inside one already loaded is served from memory. A source's
 * `complete` answer (a whole file) serves every area; a `truncated` one only its own area, so that zooming
 * in asks again and finds the places left out. Least recently used areas go first.
 */
export class AreaCache {
  private entries: {bbox: BBox; result: LoadResult}[] = [];

  constructor(private size = 12) {}

  get(bbox: BBox): LoadResult | undefined {
    const i = this.entries.findIndex(({bbox: at, result}) =>
      result.complete || (result.truncated ? at.every((v, k) => v === bbox[k]) : containsBBox(at, bbox))
    );
    if (i < 0) return undefined;
    const [entry] = this.entries.splice(i, 1);
    this.entries.unshift(entry);
    return entry.result;
  }

  clear(): void {
    this.entries = [];
  }

  set(bbox: BBox, result: LoadResult): void {
    // A partial answer (a failed later page) is shown but not kept: the next visit tries again.
    if (result.problem) return;
    this.entries.unshift({bbox, result});
    this.entries.length = Math.min(this.entries.length, this.size);
  }
}
