import type {Control, Map as LeafletMap, Marker} from 'leaflet';
import {leafletStyles} from '../generated/leaflet-css.js';
import {createClusterIndex, type ClusterIndex, type ClusterItem} from '../clustering/index.js';
import {accessibleMarks, positionsOf} from '../clustering/place-marks.js';
import {CLUSTER_RADIUS} from '../clustering/worker-index.js';
import {needStatus} from '@lien/open-data/place.js';
import type {Place} from '@lien/open-data/place.js';
import type {PlaceCluster} from '@lien/open-data/lien.js';
import type {BBox} from '../sources/types.js';
import {clusterIcon, pointIcon} from './icons.js';
import type {Leaflet} from './load-leaflet.js';

/**
 * Leaflet's own styles, given to the element's shadow root with Leaflet (the list shows without them), first, so
 * that the element's styles still win.
 */
function adoptLeafletStyles(container: HTMLElement): void {
  const root = container.getRootNode();
  if (!(root instanceof ShadowRoot)) return;
  const sheet = leafletStyles.styleSheet;
  if (sheet && 'adoptedStyleSheets' in root) {
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [sheet, ...root.adoptedStyleSheets];
  } else if (!root.querySelector('style[data-leaflet]')) {
    const style = document.createElement('style');
    style.dataset.leaflet = '';
    style.textContent = leafletStyles.cssText;
    root.prepend(style);
  }
}


function clusterHere(places: Place[], view?: {bbox: BBox; zoom: number}): Promise<ClusterIndex> {
  return createClusterIndex({...positionsOf(places), marked: accessibleMarks(places)}, {view, radius: CLUSTER_RADIUS, worker: 'never'});
}

export interface MapViewOptions {
  center: [number, number];
  zoom: number;
  tileUrl: string;
  /** Localized words, asked again whenever markers are drawn (so a language change shows at once). */
  words: {map(): string; mapRole(): string; zoomIn(): string; zoomOut(): string; marker(place: Place): string; cluster(count: number, accessible: number): string};
  onMove(bbox: BBox, zoom: number): void;
  onSelect(place: Place): void;
}

/**
 * Leaflet for <access-map>: tiles, clustered markers drawn only for the view (from the clustering
 * module), markers reachable and operable by keyboard with names, and the selected place highlighted.
 */
export class MapView {
  readonly map: LeafletMap;
  private zoomControl: Control.Zoom;
  private places: Place[] = [];
  private index?: ClusterIndex;
  /** The source's own clusters (the gateway's, for a wide view), drawn instead of an index of places. */
  private given?: ClusterItem[];
  private markers = new Map<string, Marker>();
  private highlighted?: Marker;
  private drawing = 0;
  /** Index builds and redraws under way, and who waits for none to be. */
  private running = 0;
  private waiting: (() => void)[] = [];
  /** After a cluster is opened from the keyboard: focus goes to what is drawn nearest this point. */
  private focusNear?: [number, number];

  constructor(
    private L: Leaflet,
    container: HTMLElement,
    private options: MapViewOptions
  ) {
    adoptLeafletStyles(container);
    this.map = L.map(container, {center: options.center, zoom: options.zoom, zoomControl: false, attributionControl: false});
    this.zoomControl = L.control.zoom().addTo(this.map);
    this.relabel();
    // Attribution is shown by the element beside the map, in words, whatever the view.
    L.tileLayer(options.tileUrl, {maxZoom: 19, crossOrigin: true}).addTo(this.map);
    this.map.on('moveend', () => {
      options.onMove(this.bbox(), this.map.getZoom());
      void this.draw();
    });
  }

  /** Names the map and its zoom buttons in the page's language (again after a language change). */
  relabel(): void {
    const {words} = this.options;
    // A focusable map that pans with the arrow keys: an application, in ARIA's terms, which a name may be given.
    const container = this.map.getContainer();
    container.setAttribute('role', 'application');
    container.setAttribute('aria-roledescription', words.mapRole());
    container.setAttribute('aria-label', words.map());
    const buttons = this.zoomControl.getContainer()!.querySelectorAll('a');
    [words.zoomIn(), words.zoomOut()].forEach((text, i) => {
      buttons[i].title = text;
      buttons[i].setAttribute('aria-label', text);
    });
  }

  bbox(): BBox {
    const b = this.map.getBounds();
    return [Math.max(-180, b.getWest()), Math.max(-90, b.getSouth()), Math.min(180, b.getEast()), Math.min(90, b.getNorth())];
  }

  /** Whether an index build or a redraw is under way. */
  get busy(): boolean {
    return this.running > 0;
  }

  /** Resolves once no index build or redraw is under way. */
  idle(): Promise<void> {
    return this.busy ? new Promise((resolve) => this.waiting.push(resolve)) : Promise.resolve();
  }

  private async track(work: Promise<void>): Promise<void> {
    this.running++;
    try {
      await work;
    } finally {
      if (--this.running === 0) this.waiting.splice(0).forEach((resolve) => resolve());
    }
  }

  /**
   * Clusters these places (in the worker when they are many) and draws the current view. `coords()`: their
   * positions when the caller has them (the worker takes them away: give copies); `made`: their clustering, already
   * made where they were read (a file, in the worker), in their order.
   */
  setPlaces(places: Place[], given: {coords?: () => {lon: Float64Array; lat: Float64Array}; made?: ClusterIndex} = {}): Promise<void> {
    return this.track(this.cluster(places, given.coords ?? (() => positionsOf(places)), given.made));
  }

  /** Draws the source's own clusters (each opened zooms to its extent) in place of any places. */
  setClusters(clusters: PlaceCluster[]): Promise<void> {
    ++this.drawing;
    this.index?.destroy();
    this.index = undefined;
    this.places = [];
    this.given = clusters.map((c, i) => ({kind: 'cluster', id: i, lon: c.lon, lat: c.lat, count: c.count, marked: c.accessible, bbox: c.bbox}));
    this.show(this.given);
    return Promise.resolve();
  }

  private async cluster(places: Place[], coords: () => {lon: Float64Array; lat: Float64Array}, made?: ClusterIndex): Promise<void> {
    const ticket = ++this.drawing;
    this.given = undefined;
    const view = {bbox: this.bbox(), zoom: this.map.getZoom()};
    // A worker that stops took the positions with it: they are taken again from the places.
    const index = made
      ? await made.getClusters(view.bbox, view.zoom).then(
          (initial): ClusterIndex => ({...made, initial}),
          () => clusterHere(places, view)
        )
      : await createClusterIndex({...coords(), marked: accessibleMarks(places)}, {view, radius: CLUSTER_RADIUS}).catch(() => clusterHere(places, view));
    if (ticket !== this.drawing || !this.map) return index.destroy();
    this.places = places;
    this.index?.destroy();
    this.index = index;
    this.show(index.initial);
  }

  /** Redraws the markers of the view (after a move, or with new words after a language change). */
  draw(relabel = false): Promise<void> {
    return this.track(this.redraw(relabel));
  }

  private async redraw(relabel: boolean): Promise<void> {
    if (relabel) this.clearMarkers();
    // The source's clusters are drawn again as they are; a move asks the source for the new view's.
    if (!this.index) return void (relabel && this.given && this.show(this.given));
    const ticket = ++this.drawing;
    const [bbox, zoom] = [this.bbox(), this.map.getZoom()];
    let items: ClusterItem[];
    try {
      items = await this.index.getClusters(bbox, zoom);
    } catch (error) {
      if (!this.index?.inWorker) throw error;
      // The worker stopped, and its index with it: the places are clustered again, here.
      this.index = await clusterHere(this.places);
      items = await this.index.getClusters(bbox, zoom);
    }
    if (ticket === this.drawing) this.show(items);
  }

  private key(item: ClusterItem): string {
    if (item.kind === 'point') return `p${this.places[item.index]?.id}`;
    return item.bbox ? `s${item.lon},${item.lat}:${item.count}` : `c${item.id}:${item.count}`;
  }

  private show(items: ClusterItem[]): void {
    const L = this.L;
    const wanted = new Map(items.map((item) => [this.key(item), item]));
    for (const [key, marker] of this.markers) {
      if (!wanted.has(key)) {
        marker.remove();
        this.markers.delete(key);
      }
    }
    for (const [key, item] of wanted) {
      if (this.markers.has(key)) continue;
      const place = item.kind === 'point' ? this.places[item.index] : undefined;
      const icon = place ? pointIcon(L, needStatus(place.accessibility, 'wheelchair')) : clusterIcon(L, (item as {count: number}).count);
      const marker = L.marker([item.lat, item.lon], {icon, keyboard: true, riseOnHover: true});
      const label = place ? this.options.words.marker(place) : item.kind === 'cluster' ? this.options.words.cluster(item.count, item.marked) : '';
      const activate = (fromKeyboard: boolean) => (place ? this.options.onSelect(place) : this.openCluster(item, fromKeyboard));
      marker.on('click', () => activate(false));
      marker.on('add', () => {
        const element = marker.getElement()!;
        element.setAttribute('aria-label', label);
        element.dataset.key = key;
        element.addEventListener('keydown', (event) => {
          if (event.key !== 'Enter' && event.key !== ' ') return;
          event.preventDefault();
          event.stopPropagation();
          activate(true);
        });
      });
      marker.addTo(this.map);
      this.markers.set(key, marker);
    }
    if (this.focusNear) this.focusNearest(this.focusNear);
  }

  private async openCluster(item: ClusterItem, fromKeyboard: boolean): Promise<void> {
    if (item.kind !== 'cluster') return;
    if (item.bbox) {
      const [w, s, e, n] = item.bbox;
      if (fromKeyboard) this.focusNear = [item.lat, item.lon];
      // At least one zoom closer, even for places that share one spot.
      const zoom = Math.min(Math.max(this.map.getBoundsZoom([[s, w], [n, e]]), this.map.getZoom() + 1), this.map.getMaxZoom());
      this.map.setView([(s + n) / 2, (w + e) / 2], zoom);
      return;
    }
    if (!this.index) return;
    const zoom = Math.min(await this.index.getExpansionZoom(item.id), this.map.getMaxZoom());
    if (fromKeyboard) this.focusNear = [item.lat, item.lon];
    this.map.setView([item.lat, item.lon], zoom);
  }

  private focusNearest([lat, lon]: [number, number]): void {
    this.focusNear = undefined;
    let best: Marker | undefined;
    let bestDistance = Infinity;
    for (const marker of this.markers.values()) {
      const at = marker.getLatLng();
      const distance = (at.lat - lat) ** 2 + (at.lng - lon) ** 2;
      if (distance < bestDistance) [best, bestDistance] = [marker, distance];
    }
    (best?.getElement() ?? this.map.getContainer()).focus();
  }

  /** Marks the selected place (or none) with a larger pin, and brings it into view. */
  highlight(place: Place | undefined): void {
    this.highlighted?.remove();
    this.highlighted = undefined;
    if (!place) return;
    const marker = this.L.marker([place.lat, place.lon], {
      icon: pointIcon(this.L, needStatus(place.accessibility, 'wheelchair'), true),
      keyboard: false,
      interactive: false,
      zIndexOffset: 1000,
    });
    // The detail says everything: the highlight is for eyes only.
    marker.on('add', () => marker.getElement()!.setAttribute('aria-hidden', 'true'));
    marker.addTo(this.map);
    this.highlighted = marker;
    if (!this.map.getBounds().contains([place.lat, place.lon])) this.map.panTo([place.lat, place.lon]);
  }

  /** The marker currently drawn for a place, if it stands alone at this zoom. */
  markerOf(place: Place): HTMLElement | undefined {
    return this.markers.get(`p${place.id}`)?.getElement();
  }

  setView(center: [number, number], zoom: number): void {
    this.map.setView(center, zoom);
  }

  private clearMarkers(): void {
    for (const marker of this.markers.values()) marker.remove();
    this.markers.clear();
  }

  destroy(): void {
    this.drawing++;
    this.index?.destroy();
    this.index = undefined;
    this.map.remove();
  }
}
