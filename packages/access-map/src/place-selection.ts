import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {Need, Place} from '@lien/open-data/place.js';
import {PlaceGrid} from './place-grid.js';
import {selectPlaces} from './selection.js';
import {runNow, runSliced} from './slices.js';
import type {BBox} from './sources/types.js';

/**
 * Up to this many places are filtered at once; more are filtered and gridded in later tasks, in slices that
 * yield, so that neither they nor the list and markers drawn from them lengthen the task that loaded them.
 */
const SELECT_AT_ONCE = 5_000;

export interface SelectionInput {
  places: readonly Place[];
  needs: readonly Need[];
  q: string;
}

/**
 * The loaded places that match the filters, gridded (`grid`), and those of the view (`inView`). The grid is made
 * again when the places, needs or words change — at once for a few thousand places, else in slices, the previous
 * grid staying until the new one is ready; a move of the view only looks the grid up.
 */
export class PlaceSelection implements ReactiveController {
  grid: PlaceGrid = runNow(PlaceGrid.build([]));
  /** A selection of many places under way, in slices; settles when it is done or replaced. */
  pending?: Promise<void>;
  private selectedFrom?: {places: readonly Place[]; filters: string};
  private abort?: AbortController;
  private view?: {grid: PlaceGrid; bbox?: BBox; result: {count: number; nearest: Place[]}};

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly input: () => SelectionInput
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const {places, needs, q} = this.input();
    const filters = `${needs.join(' ')}|${q}`;
    if (this.selectedFrom?.places === places && this.selectedFrom.filters === filters) return;
    this.selectedFrom = {places, filters};
    this.abort?.abort();
    this.pending = undefined;
    const steps = selectPlaces(places as Place[], needs, q);
    if (places.length <= SELECT_AT_ONCE) {
      this.grid = runNow(steps);
      return;
    }
    const abort = (this.abort = new AbortController());
    this.pending = runSliced(steps, abort.signal).then(
      (grid) => {
        this.grid = grid;
        this.pending = undefined;
        this.host.requestUpdate();
      },
      () => undefined
    );
  }

  /** The number of matching places in `bbox`, and the `limit` nearest its centre (the same array while unchanged). */
  inView(bbox: BBox | undefined, limit: number): {count: number; nearest: Place[]} {
    const last = this.view;
    if (last && last.grid === this.grid && last.bbox === bbox) return last.result;
    const found = bbox ? this.grid.within(bbox, limit) : {count: 0, nearest: []};
    // The same places as before keep the same array, so the list is not drawn again.
    const same = last && found.nearest.length === last.result.nearest.length && found.nearest.every((p, i) => p === last.result.nearest[i]);
    this.view = {grid: this.grid, bbox, result: same ? {count: found.count, nearest: last.result.nearest} : found};
    return this.view.result;
  }
}
