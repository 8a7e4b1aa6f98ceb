import {LienError} from './errors.js';
import type {Dropped, Place} from './place.js';

/**
 * Gathers the places of one payload, leaving out (and recording, with the reason) the records that cannot be
 * placed, so that one bad record never hides the good ones. Any other error stops the reading.
 */
export class PlaceCollector {
  readonly places: Place[] = [];
  readonly dropped: Dropped[] = [];
  /** More records than `max`: the rest was left out. */
  truncated = false;

  constructor(private readonly max = Infinity) {}

  /** Adds the place `build` makes of the record at `at`, or records why it was dropped. */
  add(at: string, build: () => Place, id?: string): void {
    if (this.places.length >= this.max) {
      this.truncated = true;
      return;
    }
    try {
      this.places.push(build());
    } catch (error) {
      if (!(error instanceof LienError && error.kind === 'parse')) throw error;
      this.dropped.push(id === undefined ? {at, reason: error.message} : {at, id, reason: error.message});
    }
  }
}
