import {html, nothing, type PropertyValues} from 'lit';
import {guard} from 'lit/directives/guard.js';
import {msg} from '@lit/localize';
import {baseStyles, currentLocale, headingLevel, LienElement, LienErrorEvent, LienEvent, LienLoadEvent, levelBelow} from '@lien/core';
import type {Need, Place} from '@lien/open-data/place.js';
import {templates as fr} from './generated/locales/fr.js';
import {accessMapStyles} from './access-map.styles.js';
import {parseCenter, viewBBox} from './geo.js';
import {placesLoader} from './loading.js';
import {MapController} from './map/map-controller.js';
import {NearMe} from './near-me.js';
import {parseNeeds} from './needs.js';
import {PlaceDetail} from './place-detail.js';
import {PlaceSelection} from './place-selection.js';
import {createSource} from './sources/index.js';
import type {BBox, PlaceSource} from './sources/types.js';
import {renderAttribution} from './view/attribution.js';
import {renderDetail} from './view/detail.js';
import {renderFilters} from './view/filters.js';
import {LIST_LIMIT, renderList} from './view/list.js';
import {renderPlacesStatus} from './view/status.js';
import {clusterLabel, markerLabel} from './view/words.js';

/** The events `<access-map>` fires. */
export type AccessMapEvents = {
  'lien-load': LienLoadEvent<{count: number}>;
  'lien-place-select': LienEvent<'lien-place-select', {place: Place}>;
  'lien-error': LienErrorEvent;
};

declare global {
  interface HTMLElementTagNameMap {
    'access-map': AccessMap;
  }
}

export type AccessMapView = 'map' | 'list' | 'both';

const OSM_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const OSM_TILES_ATTRIBUTION = '© OpenStreetMap contributors';
const PARIS: [number, number] = [48.8566, 2.3522];
/** No places yet: always the same array, so that nothing is selected again for it. */
const NO_PLACES: readonly Place[] = [];

/**
 * A map of public places with their accessibility for wheelchair users, people with difficulty walking,
 * blind and low-vision, deaf and hard of hearing people and cognitive needs — and beside it, the same
 * places as a list, so that everything the map shows can be reached with a keyboard or a screen reader.
 *
 * ```html
 * <access-map source="acceslibre" center="48.8566,2.3522" zoom="15"></access-map>
 * ```
 *
 * @customElement access-map
 * @fires lien-load - Places of the view were loaded; `detail.count` is how many.
 * @fires lien-place-select - A place was opened from the list or the map; `detail.place`.
 * @fires lien-error - Loading failed (`detail.error`, a LienError); the map keeps what it has.
 * @csspart filters - The need checkboxes, the search field and "Near me".
 * @csspart status - Loading, empty, error and count messages (a live region).
 * @csspart map - The map's frame.
 * @csspart list - The list of the places in view.
 * @csspart detail - One place in words.
 * @cssproperty --access-map-height - Height of the map (default 26rem).
 * @cssproperty --access-map-marker-color - Colour of the markers (default the primary colour).
 */
export class AccessMap extends LienElement<AccessMapEvents> {
  static override styles = [baseStyles, accessMapStyles];
  static override translations = {fr};

  // Declared without decorators or field initializers: the element then behaves the same whatever the
  // compiler's decorator and class-field settings (defaults are set in the constructor).
  static override properties = {
    source: {},
    src: {},
    dataSource: {attribute: false},
    center: {},
    zoom: {type: Number},
    needs: {reflect: true},
    q: {},
    tileUrl: {attribute: 'tile-url'},
    tileAttribution: {attribute: 'tile-attribution'},
    view: {reflect: true},
    headingLevel: {attribute: 'heading-level', converter: headingLevel},
    shownArea: {state: true},
  };

  /** Where places come from: `acceslibre`, `overpass`, `a11yjson`, `geojson` or `lien` (Lien's gateway, the default). */
  declare source: string;
  /** The source's endpoint; each has the real public one as default (`geojson` needs a file URL). */
  declare src?: string;
  /** A source object of your own (`{load(query, {signal})}`) for another API; wins over `source`. */
  declare dataSource?: PlaceSource;
  /** The centre of the map, `"lat,lon"` (default Paris); setting it later moves the map. */
  declare center: string;
  /** The zoom level, 0–19 (default 15); setting it later zooms the map. */
  declare zoom: number;
  /** Needs filtered by, space-separated: `wheelchair walking vision hearing cognitive`. Follows the checkboxes. */
  declare needs: string;
  /** Text filter on name, address and category. Follows the search field. */
  declare q: string;
  /** Tile URL template for the map (default OpenStreetMap's standard tiles). */
  declare tileUrl: string;
  /** Who the tiles belong to, shown under the map (plain text). */
  declare tileAttribution: string;
  /** `both` (default: list beside the map, under it on narrow screens), `map`, or `list` (Leaflet is never loaded). */
  declare view: AccessMapView;
  /**
   * The level of the element's headings, 1–6 (default 3: the list's and the place's name; their sections one
   * below), so that they fit the page's outline: `heading-level="2"` under the page's `<h1>`.
   */
  declare headingLevel?: number;
  /** The area and zoom shown: the map's, or before it is built, the one `center` and `zoom` make. */
  declare private shownArea?: {bbox: BBox; zoom: number};

  constructor() {
    super();
    this.source = 'lien';
    this.center = PARIS.join(',');
    this.zoom = 15;
    this.needs = '';
    this.q = '';
    this.tileUrl = OSM_TILES;
    this.tileAttribution = OSM_TILES_ATTRIBUTION;
    this.view = 'both';
  }

  private activeSource?: PlaceSource;

  private readonly loader = placesLoader(this, () => ({
    source: this.activeSource,
    sourceName: this.source,
    view: this.shownArea,
    needs: this.chosenNeeds,
    q: this.q,
  }), (loaded) => {
    if (!loaded.tooWide) this.emit(new LienLoadEvent({count: loaded.count ?? loaded.places.length}));
    if (loaded.problem) this.emit(new LienErrorEvent(loaded.problem));
  });

  private readonly selection = new PlaceSelection(this, () => ({places: this.loader.value?.places ?? NO_PLACES, needs: this.chosenNeeds, q: this.q}));

  private readonly detail: PlaceDetail = new PlaceDetail(this, {
    onOpen: (place) => {
      if (place) this.emit(new LienEvent('lien-place-select', {place}));
      this.map.view?.highlight(place);
    },
    markerOf: (place) => this.map.markerOf(place),
    fallback: () => (this.view === 'map' ? this.map.view?.map.getContainer() : this.renderRoot.querySelector<HTMLElement>('#list-heading')),
  });

  private readonly map: MapController = new MapController(this, {
    start: () => ({center: this.centerPoint, zoom: this.zoom, tileUrl: this.tileUrl, listOnly: this.view === 'list'}),
    grid: () => this.selection.grid,
    clusters: () => this.loader.value?.clusters,
    loaded: () => this.loader.value,
    filtered: () => this.chosenNeeds.length > 0 || this.q.trim() !== '',
    selected: () => this.detail.place,
    words: {
      map: () => msg('Map: use the arrow keys to move, + and - to zoom'),
      mapRole: () => msg('map'),
      zoomIn: () => msg('Zoom in'),
      zoomOut: () => msg('Zoom out'),
      marker: markerLabel,
      cluster: clusterLabel,
    },
    onMove: (bbox, zoom) => (this.shownArea = {bbox, zoom}),
    onSelect: (place) => void this.detail.open(place, 'map'),
  });

  private readonly nearMe = new NearMe(this, (lat, lon) => {
    this.center = `${lat},${lon}`;
    this.zoom = Math.max(this.shownArea?.zoom ?? this.zoom, 16);
  });

  private get chosenNeeds(): Need[] {
    return parseNeeds(this.needs);
  }

  private get centerPoint(): [number, number] {
    return parseCenter(this.center) ?? PARIS;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('source') || changed.has('src') || changed.has('dataSource')) {
      this.activeSource = this.dataSource ?? createSource(this.source, {url: this.src});
      this.loader.reset();
    }
    if (changed.has('center') || changed.has('zoom')) {
      if (this.map.view) this.map.view.setView(this.centerPoint, this.zoom);
      else {
        const width = this.clientWidth || 800;
        const mapWidth = this.view === 'both' && width >= 768 ? width * 0.6 : width;
        const height = this.renderRoot?.querySelector?.('.map-frame')?.clientHeight || 416;
        this.shownArea = {bbox: viewBBox(this.centerPoint, this.zoom, mapWidth, height), zoom: this.zoom};
      }
    }
  }

  /**
   * Resolves once the element shows what its source, filters and view ask for: places loaded, list
   * written, and (when the map is shown) markers drawn from a clustering of every zoom. For tests and
   * measurements; `lien-load` says when places arrive.
   */
  get drawn(): Promise<void> {
    return (async () => {
      for (;;) {
        await this.updateComplete;
        if (this.loader.loading) await this.loader.settled;
        else if (this.selection.pending) await this.selection.pending;
        else if (this.map.busy) await this.map.idle();
        else if (!this.isUpdatePending) return;
      }
    })();
  }

  private setNeed(need: Need, checked: boolean): void {
    const needs = new Set(this.chosenNeeds);
    if (checked) needs.add(need);
    else needs.delete(need);
    this.needs = parseNeeds([...needs].join(' ')).join(' ');
  }

  /** Moves focus past a long part (the map's markers, the list) to what follows the element's content. */
  private skipTo(selector: string): void {
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  override render() {
    const level = levelBelow(this.headingLevel, 0, 3);
    // Clusters from the source: the list says how many places they hold, and to zoom in to see them.
    const clusters = this.loader.value?.clusters;
    const {count, nearest} = clusters ? {count: this.loader.value?.count ?? 0, nearest: NO_PLACES as Place[]} : this.selection.inView(this.shownArea?.bbox, LIST_LIMIT);
    const place = this.detail.place;
    const tiles = this.tileAttribution === OSM_TILES_ATTRIBUTION ? {text: OSM_TILES_ATTRIBUTION, url: 'https://www.openstreetmap.org/copyright'} : {text: this.tileAttribution};
    // Escape closes the detail from anywhere in the element, the map included.
    return html`<div class="layout" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && place && this.detail.close()}>
      <div part="filters" class="filters">
        ${renderFilters(this.chosenNeeds, this.q, {
          onNeed: (need, checked) => this.setNeed(need, checked),
          onSearch: (text) => (this.q = text),
          onNearMe: () => this.nearMe.locate(),
        })}
      </div>
      <div part="status" class="status-area">
        ${renderPlacesStatus({
          loader: this.loader,
          selecting: !!this.selection.pending,
          inView: count,
          chosenNeeds: this.chosenNeeds.length,
          q: this.q,
          mapFailed: this.map.failed,
          notice: this.nearMe.notice,
        })}
      </div>
      <div class="panes ${this.view}">
        <div part="map" class="map-frame" role="region" aria-label=${msg('Map of the places')} ?hidden=${this.view === 'list'}>
          <button type="button" class="skip" @click=${() => this.skipTo(this.view === 'map' || place ? '.attribution' : '#list-heading')}>
            ${this.view === 'map' || place ? msg('Skip the map') : msg('Skip the map, to the list')}
          </button>
          <div class="leaflet-host"></div>
        </div>
        <div class="side">
          ${place
            ? html`<div part="detail">${renderDetail(place, () => this.detail.close(), this.detail.from, level)}</div>`
            : this.view !== 'map'
              ? html`<section part="list" class="list" aria-labelledby="list-heading">
                  ${count > 10 ? html`<button type="button" class="skip" @click=${() => this.skipTo('.attribution')}>${msg('Skip the list')}</button>` : nothing}
                  ${guard([nearest, count, currentLocale(), level], () => renderList(nearest, count, (p) => this.detail.open(p, 'list'), level))}
                </section>`
              : nothing}
        </div>
      </div>
      <p class="attribution" tabindex="-1">${renderAttribution(this.loader.value?.attribution ?? [], this.view !== 'list' ? tiles : undefined)}</p>
    </div>`;
  }
}
