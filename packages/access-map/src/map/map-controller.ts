import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {Task} from '@lit/task';
import {currentLocale} from '@lien/core';
import type {PlaceCluster} from '@lien/open-data/lien.js';
import type {Place} from '@lien/open-data/place.js';
import type {ClusterIndex} from '../clustering/worker-index.js';
import {PlaceGrid} from '../place-grid.js';
import {loadLeaflet} from './load-leaflet.js';
import type {MapView, MapViewOptions} from './map-view.js';

export interface MapHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly hasUpdated: boolean;
}

export interface MapSettings extends Omit<MapViewOptions, 'center' | 'zoom' | 'tileUrl'> {
  /** Read when the map is built. */
  start(): {center: [number, number]; zoom: number; tileUrl: string; listOnly: boolean};
  /** The places to draw. */
  grid(): PlaceGrid;
  /** The source's own clusters, drawn instead of places when it gave them. */
  clusters(): PlaceCluster[] | undefined;
  /** The places as loaded, with their clustering when the source made it (a file read in the worker). */
  loaded(): {places: readonly Place[]; index?: ClusterIndex} | undefined;
  /** Whether needs or words are chosen (the grid then holds fewer places than were loaded). */
  filtered(): boolean;
  /** The place to highlight once the map is there. */
  selected(): Place | undefined;
}

/**
 * The Leaflet map of an element, from its first approach to the viewport (Leaflet and the map code are fetched
 * then, never in list view) to its removal; it redraws the markers when the places change and renames them when
 * the page's language does. `view` is there once built; `failed` when its code could not be fetched.
 */
export class MapController implements ReactiveController {
  view?: MapView;
  failed = false;
  private visibility?: IntersectionObserver;
  private resizing?: ResizeObserver;
  /** The build under way; a disconnection aborts it (a build overtaken while its modules load is dropped). */
  private building?: AbortController;

  // Two tasks, run by Lit whenever their arguments change (no copy of what was drawn is kept by hand).
  /**
   * Markers follow the places: a new grid is clustered and drawn, on the map as soon as there is one; or the
   * source's own clusters are; or, while no filter is chosen, the places as loaded with the clustering their source
   * made (a file, in the worker), without waiting for the grid.
   */
  readonly drawing = new Task(this.host, {
    args: () => {
      const loaded = this.settings.loaded();
      const made = !this.settings.filtered() && loaded?.index ? loaded : undefined;
      return [this.view, this.settings.clusters(), made ?? this.settings.grid()] as const;
    },
    task: async ([view, clusters, places]) => {
      if (clusters) return view?.setClusters(clusters);
      // Copies of the positions: the clustering takes its arrays away to the worker, the grid keeps its own.
      if (places instanceof PlaceGrid) return view?.setPlaces(places.places, {coords: () => ({lon: places.lon.slice(), lat: places.lat.slice()})});
      return view?.setPlaces(places.places as Place[], {made: places.index});
    },
  });

  /** Marker names and the map's own labels follow the page's language. */
  readonly naming = new Task(this.host, {
    args: () => [this.view, currentLocale()] as const,
    task: async ([view], {signal}) => {
      if (!view) return;
      view.relabel();
      // The first run for a map comes with its first drawing: only a later change of language redraws.
      if (this.named === view) await view.draw(true);
      signal.throwIfAborted();
      this.named = view;
    },
  });
  private named?: MapView;

  constructor(
    private readonly host: MapHost,
    private readonly settings: MapSettings
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.host.hasUpdated) this.watchVisibility();
  }

  hostUpdated(): void {
    if (!this.view && !this.visibility) this.watchVisibility();
  }

  hostDisconnected(): void {
    this.visibility?.disconnect();
    this.visibility = undefined;
    this.resizing?.disconnect();
    this.building?.abort();
    this.view?.destroy();
    this.view = undefined;
  }

  /** Markers being clustered or drawn. */
  get busy(): boolean {
    return !!this.view?.busy;
  }

  idle(): Promise<void> {
    return this.view?.idle() ?? Promise.resolve();
  }

  markerOf(place: Place): HTMLElement | undefined {
    return this.view?.markerOf(place);
  }

  private watchVisibility(): void {
    if (this.settings.start().listOnly || this.view || this.visibility) return;
    this.visibility = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this.visibility?.disconnect();
        void this.build();
      },
      {rootMargin: '300px'}
    );
    this.visibility.observe(this.host);
  }

  private async build(): Promise<void> {
    this.building?.abort();
    const building = (this.building = new AbortController());
    let L, MapView;
    try {
      [L, {MapView}] = await Promise.all([loadLeaflet(), import('./map-view.js')]);
    } catch {
      this.failed = true;
      this.host.requestUpdate();
      return;
    }
    const container = this.host.renderRoot.querySelector<HTMLElement>('.leaflet-host');
    if (building.signal.aborted || !this.host.isConnected || this.view || !container) return;
    const {center, zoom, tileUrl} = this.settings.start();
    const view = new MapView(L, container, {...this.settings, center, zoom, tileUrl});
    this.view = view;
    this.resizing = new ResizeObserver(() => view.map.invalidateSize());
    this.resizing.observe(container);
    view.highlight(this.settings.selected());
    this.settings.onMove(view.bbox(), view.map.getZoom());
    this.host.requestUpdate();
  }
}
