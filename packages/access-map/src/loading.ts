import type {ReactiveControllerHost} from 'lit';
import {msg, str} from '@lit/localize';
import {DataController, LienError, wait} from '@lien/core';
import type {Need} from '@lien/open-data/place.js';
import {AreaCache} from './area-cache.js';
import {areaFor} from './geo.js';
import type {BBox, LoadResult, PlaceSource} from './sources/types.js';

/** What the map asked for: the answer, or `tooWide` when the view is too large for the source to be asked. */
export type Loaded = LoadResult & {tooWide?: boolean};

/** Wait after the view stops moving before asking the source, so a drag is one request, not twenty. */
const LOAD_DELAY = 300;

export interface PlacesQuery {
  /** The source, or undefined when the `source` attribute names none. */
  source: PlaceSource | undefined;
  sourceName: string;
  view?: {bbox: BBox; zoom: number};
  needs: readonly Need[];
  q: string;
}

type Args = readonly [PlaceSource | undefined, string | undefined, number, string];

/**
 * Loads the places of the view's area from the source: the area is the view rounded to a grid (small moves ask
 * for the same area), answers are kept per source (`AreaCache`: an area inside one loaded is served from memory),
 * and after a first answer a load waits for the view to stop moving. `reset()` when the source changes.
 */
export function placesLoader(
  host: ReactiveControllerHost & HTMLElement,
  query: () => PlacesQuery,
  onValue: (loaded: Loaded) => void
): DataController<Args, Loaded> {
  const areas = new AreaCache();
  const area = (key: string) => key.split(',').map(Number) as BBox;
  const loader: DataController<Args, Loaded> = new DataController<Args, Loaded>(host, {
    args: () => {
      const {source, view, needs, q} = query();
      const zoom = Math.round(view?.zoom ?? 0);
      // Where the source filters by itself (the gateway's wide views), a change of filters asks it again; elsewhere
      // the answer holds every place of the area and the element filters it.
      const filters = zoom < (source?.filtersBelowZoom ?? 0) ? `${needs.join(' ')}|${q}` : '';
      return [source, view && areaFor(view.bbox, view.zoom).join(','), zoom, filters] as const;
    },
    async load([source, key, zoom], signal) {
      if (!source) throw new LienError('validation', msg(str`Unknown source "${query().sourceName}". Use acceslibre, overpass, a11yjson, geojson or lien.`));
      if (!key) return undefined;
      if (source.minZoom !== undefined && zoom < source.minZoom) return {places: [], attribution: [], tooWide: true};
      if (loader.value) await wait(LOAD_DELAY, signal);
      const {needs, q} = query();
      return source.load({bbox: area(key), zoom, needs, q}, {signal});
    },
    onValue,
    cache: {
      get: ([, key]) => (key ? areas.get(area(key)) : undefined),
      // "Zoom in", and answers made for the view and its filters (`byView`), are not the area's places: never kept.
      set: ([, key], value) => key && !value.tooWide && !value.byView && areas.set(area(key), value),
      clear: () => areas.clear(),
    },
  });
  return loader;
}
