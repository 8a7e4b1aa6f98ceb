import {html, nothing, type PropertyValues} from 'lit';
import {Task, TaskStatus} from '@lit/task';
import {msg, str} from '@lit/localize';
import {baseStyles, currentLocale, formatNumber, isAbort, LienElement, LienError, LienErrorEvent, LienEvent, LienLoadEvent, renderStatus, toLienError, wait} from '@lien/core';
import {templates as fr} from './generated/locales/fr.js';
import {leafletStyles} from './generated/leaflet-css.js';
import {accessMapStyles} from './access-map.styles.js';
import {AreaCache} from './area-cache.js';
import {areaFor, parseCenter, viewBBox} from './geo.js';
import {loadLeaflet} from './map/load-leaflet.js';
import type {MapView} from './map/map-view.js';
import {parseNeeds} from './needs.js';
import type {Attribution, Need, Place} from '@lien/open-data/place.js';
import {PlaceGrid} from './place-grid.js';
import {selectPlaces} from './selection.js';
import {runNow, runSliced} from './slices.js';
import {createSource} from './sources/index.js';
import type {BBox, LoadResult, PlaceSource} from './sources/types.js';
import {renderDetail} from './view/detail.js';
import {renderFilters} from './view/filters.js';
import {LIST_LIMIT, renderList} from './view/list.js';
import {clusterLabel, markerLabel, placesCount} from './view/words.js';

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
/** Wait after the view stops moving before asking the source, so a drag is one request, not twenty. */
const LOAD_DELAY = 300;
/**
 * Up to this many places are filtered at once; more are filtered and gridded in later tasks, in slices that
 * yield, so that neither they nor the list and markers drawn from them lengthen the task that loaded them.
 */
const SELECT_AT_ONCE = 5_000;

type Loaded = LoadResult & {tooWide?: boolean};

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
  static override styles = [baseStyles, leafletStyles, accessMapStyles];
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
    viewBox: {state: true},
    viewZoom: {state: true},
    loaded: {state: true},
    selected: {state: true},
    notice: {state: true},
    mapFailed: {state: true},
    grid: {state: true},
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

  declare private viewBox?: BBox;
  declare private viewZoom: number;
  declare private loaded?: Loaded;
  declare private selected?: Place;
  declare private notice?: string;
  declare private mapFailed: boolean;
  /** The places that match the filters, gridded to find those of a view quickly. */
  declare private grid: PlaceGrid;

  constructor() {
    super();
    this.source = 'lien';
    this.center = '48.8566,2.3522';
    this.zoom = 15;
    this.needs = '';
    this.q = '';
    this.tileUrl = OSM_TILES;
    this.tileAttribution = OSM_TILES_ATTRIBUTION;
    this.view = 'both';
    this.viewZoom = 15;
    this.mapFailed = false;
    this.grid = runNow(PlaceGrid.build([]));
  }

  private activeSource?: PlaceSource;
  private cache = new AreaCache();
  private inViewCount = 0;
  /** The places the list shows; the same array as long as they do not change, so the list is not redrawn. */
  private shown: Place[] = [];
  /** The list as last rendered, and what it was rendered from: given again as is, Lit changes no node. */
  private listTemplate?: {from: unknown[]; result: unknown};
  /** A selection of many places under way, in slices. */
  private selecting?: {abort: AbortController; done: Promise<void>};
  /** Until a first answer came from this source, the view's load is asked at once, without the pause. */
  private answered = false;
  private mapView?: MapView;
  private mapAttempt = 0;
  private visibility?: IntersectionObserver;
  private resizing?: ResizeObserver;
  private selectedFrom: 'list' | 'map' = 'list';
  private drawnLocale?: string;
  private drawnGrid?: PlaceGrid;

  private loader = new Task(this, {
    args: () => [this.activeSource, this.viewBox && areaFor(this.viewBox, this.viewZoom).join(','), Math.round(this.viewZoom)] as const,
    task: async ([source, areaKey, zoom], {signal}): Promise<Loaded | undefined> => {
      if (!source) throw new LienError('validation', msg(str`Unknown source "${this.source}". Use acceslibre, overpass, a11yjson, geojson or lien.`));
      if (!areaKey) return undefined;
      if (source.minZoom !== undefined && zoom < source.minZoom) return {places: [], attribution: [], tooWide: true};
      const area = areaKey.split(',').map(Number) as BBox;
      // This source's cache: a load that outlives a change of source fills only the old one.
      const cache = this.cache;
      const cached = cache.get(area);
      if (cached) return cached;
      if (this.answered) await wait(LOAD_DELAY, signal);
      const result = await source.load({bbox: area, zoom, needs: this.chosenNeeds, q: this.q}, {signal});
      // A source may ignore the abort: what it answers for a view left behind is not kept.
      signal.throwIfAborted();
      cache.set(area, result);
      return result;
    },
    onComplete: (result) => {
      if (!result) return;
      this.answered = true;
      this.loaded = result;
      if (!result.tooWide) this.emit(new LienLoadEvent({count: result.places.length}));
      if (result.problem) this.emit(new LienErrorEvent(result.problem));
    },
    onError: (error) => {
      if (!isAbort(error)) this.emit(new LienErrorEvent(toLienError(error)));
    },
  });

  private get chosenNeeds(): Need[] {
    return parseNeeds(this.needs);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.watchVisibility();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.visibility?.disconnect();
    this.visibility = undefined;
    this.resizing?.disconnect();
    this.mapAttempt++;
    this.mapView?.destroy();
    this.mapView = undefined;
    this.drawnGrid = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('source') || changed.has('src') || changed.has('dataSource')) {
      this.activeSource = this.dataSource ?? createSource(this.source, {url: this.src});
      this.cache = new AreaCache();
      this.loaded = undefined;
      this.answered = false;
    }
    if (changed.has('center') || changed.has('zoom')) {
      const center = parseCenter(this.center) ?? [48.8566, 2.3522];
      this.viewZoom = this.zoom;
      if (this.mapView) this.mapView.setView(center, this.zoom);
      else {
        const width = this.clientWidth || 800;
        this.viewBox = viewBBox(center, this.zoom, this.view === 'both' && width >= 768 ? width * 0.6 : width, this.mapHeight());
      }
    }
    // A move changes only what is in view: the selection (and the map's clustering) stay as they are.
    if (changed.has('loaded') || changed.has('needs') || changed.has('q')) this.selectMatching();
    if (changed.has('grid') || changed.has('viewBox')) {
      const {count, nearest} = this.viewBox ? this.grid.within(this.viewBox, LIST_LIMIT) : {count: 0, nearest: []};
      this.inViewCount = count;
      if (nearest.length !== this.shown.length || nearest.some((place, i) => place !== this.shown[i])) this.shown = nearest;
    }
  }

  /** Filters and grids the loaded places: at once when they are few, else in slices (the grid follows when done). */
  private selectMatching(): void {
    this.selecting?.abort.abort();
    this.selecting = undefined;
    const places = this.loaded?.places ?? [];
    const steps = selectPlaces(places, this.chosenNeeds, this.q);
    if (places.length <= SELECT_AT_ONCE) {
      this.grid = runNow(steps);
      return;
    }
    const abort = new AbortController();
    const job = {
      abort,
      done: runSliced(steps, abort.signal).then(
        (grid) => {
          if (this.selecting === job) [this.grid, this.selecting] = [grid, undefined];
        },
        () => undefined
      ),
    };
    this.selecting = job;
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
        if (this.loader.status === TaskStatus.PENDING) await this.loader.taskComplete.catch(() => undefined);
        else if (this.selecting) await this.selecting.done;
        else if (this.mapView?.busy) await this.mapView.idle();
        else if (!this.isUpdatePending) return;
      }
    })();
  }

  protected override firstUpdated(): void {
    this.watchVisibility();
  }

  protected override updated(): void {
    if (this.view !== 'list' && !this.mapView && !this.visibility) this.watchVisibility();
    if (!this.mapView) return;
    const locale = currentLocale();
    if (this.drawnGrid !== this.grid) {
      const grid = (this.drawnGrid = this.grid);
      // Copies: the clustering takes its arrays away to the worker, the grid keeps its own.
      void this.mapView.setPlaces(grid.places, {lon: grid.lon.slice(), lat: grid.lat.slice()});
    } else if (this.drawnLocale !== locale) void this.mapView.draw(true);
    if (this.drawnLocale !== locale) this.mapView.relabel();
    this.drawnLocale = locale;
  }

  private mapHeight(): number {
    return this.renderRoot?.querySelector?.('.map-frame')?.clientHeight || 416;
  }

  /** Leaflet is fetched only when the element comes near the viewport, and never in list view. */
  private watchVisibility(): void {
    if (this.view === 'list' || this.mapView || this.visibility) return;
    this.visibility = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this.visibility?.disconnect();
        void this.buildMap();
      },
      {rootMargin: '300px'}
    );
    this.visibility.observe(this);
  }

  private async buildMap(): Promise<void> {
    // A disconnection (and a reconnection's own build) makes this build stale while it awaits its modules.
    const attempt = ++this.mapAttempt;
    let L, MapView;
    try {
      [L, {MapView}] = await Promise.all([loadLeaflet(), import('./map/map-view.js')]);
    } catch {
      this.mapFailed = true;
      return;
    }
    const host = this.renderRoot.querySelector<HTMLElement>('.leaflet-host');
    if (attempt !== this.mapAttempt || !this.isConnected || this.mapView || !host) return;
    const view = new MapView(L, host, {
      center: parseCenter(this.center) ?? [48.8566, 2.3522],
      zoom: this.zoom,
      tileUrl: this.tileUrl,
      words: {
        map: () => msg('Map: use the arrow keys to move, + and - to zoom'),
        zoomIn: () => msg('Zoom in'),
        zoomOut: () => msg('Zoom out'),
        marker: markerLabel,
        cluster: clusterLabel,
      },
      onMove: (bbox, zoom) => {
        this.viewBox = bbox;
        this.viewZoom = zoom;
      },
      onSelect: (place) => void this.select(place, 'map'),
    });
    this.mapView = view;
    this.resizing = new ResizeObserver(() => view.map.invalidateSize());
    this.resizing.observe(host);
    this.viewBox = view.bbox();
    this.viewZoom = view.map.getZoom();
    this.drawnGrid = undefined;
    this.requestUpdate();
    if (this.selected) view.highlight(this.selected);
  }

  private async select(place: Place, from: 'list' | 'map'): Promise<void> {
    this.selected = place;
    this.selectedFrom = from;
    this.emit(new LienEvent('lien-place-select', {place}));
    this.mapView?.highlight(place);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#detail-heading')?.focus();
  }

  private async back(): Promise<void> {
    const place = this.selected;
    this.selected = undefined;
    this.mapView?.highlight(undefined);
    await this.updateComplete;
    if (!place) return;
    const item = this.renderRoot.querySelector<HTMLElement>(`button.place[data-id="${CSS.escape(place.id)}"]`);
    const marker = this.mapView?.markerOf(place);
    const target = this.selectedFrom === 'map' ? (marker ?? item) : (item ?? marker);
    // The place may now be in a cluster or out of view: focus then goes to the list's heading, or to the
    // map itself when there is no list.
    const fallback = this.view === 'map' ? this.mapView?.map.getContainer() : this.renderRoot.querySelector<HTMLElement>('#list-heading');
    (target ?? fallback)?.focus();
  }

  private setNeed(need: Need, checked: boolean): void {
    const needs = new Set(this.chosenNeeds);
    if (checked) needs.add(need);
    else needs.delete(need);
    this.needs = parseNeeds([...needs].join(' ')).join(' ');
  }

  private nearMe(): void {
    this.notice = undefined;
    if (!navigator.geolocation) {
      this.notice = msg('This browser cannot tell where you are. Search for a place instead.');
      return;
    }
    this.notice = msg('Finding your position…');
    navigator.geolocation.getCurrentPosition(
      ({coords}) => {
        this.notice = msg('The map now shows the places around you.');
        this.center = `${coords.latitude},${coords.longitude}`;
        this.zoom = Math.max(this.viewZoom, 16);
      },
      (error) => {
        this.notice =
          error.code === error.PERMISSION_DENIED
            ? msg('You did not allow this site to know your position. Allow it in your browser settings, or search for a place instead.')
            : msg('Your position could not be found. Try again, or search for a place instead.');
      },
      {timeout: 15_000, maximumAge: 60_000}
    );
  }

  private retry(): void {
    void this.loader.run();
  }

  /**
   * The count and loading state, then, in a live region always present (a region added with its text is
   * not announced), what else the element has to say: places left out, a partial answer, "Near me".
   */
  private renderStatusPart() {
    const loaded = this.loaded;
    const error = this.loader.status === TaskStatus.ERROR && !isAbort(this.loader.error) ? this.loader.error : undefined;
    const filtered = this.chosenNeeds.length > 0 || this.q.trim() !== '';
    const main = error
      ? renderStatus({state: 'error', error, onRetry: () => this.retry()})
      : this.loader.status === TaskStatus.PENDING || this.selecting
        ? renderStatus({state: 'loading', loadingText: msg('Loading places…')})
        : loaded?.tooWide
          ? renderStatus({state: 'empty', emptyText: msg('Zoom in to see the places of this area.')})
          : loaded && !this.inViewCount
            ? renderStatus({state: 'empty', emptyText: filtered ? msg('No place here matches these needs.') : msg('No place found in this area.')})
            : renderStatus({state: loaded ? 'ready' : 'idle', readyText: placesCount(this.inViewCount)});
    const problem = loaded?.problem;
    return html`<div part="status" class="status-area">
      ${main}
      ${problem && !error
        ? renderStatus({state: 'error', error: problem, note: msg('The places already loaded are shown.'), onRetry: () => this.retry()})
        : nothing}
      <div class="messages" role="status" aria-live="polite">
        ${loaded?.dropped
          ? html`<p class="warning">${loaded.dropped === 1 ? msg('1 place without a valid position was left out.') : msg(str`${formatNumber(loaded.dropped)} places without a valid position were left out.`)}</p>`
          : nothing}
        ${loaded?.truncated ? html`<p>${msg('Only part of the places of this area was loaded: zoom in to see them all.')}</p>` : nothing}
        ${this.mapFailed ? html`<p class="warning">${msg('The map could not be loaded. The list below still shows every place.')}</p>` : nothing}
        ${this.notice ? html`<p class="notice">${this.notice}</p>` : nothing}
      </div>
    </div>`;
  }

  private renderAttribution(attribution: Attribution[]) {
    const link = (text: string, url?: string) => (url ? html`<a href=${url} target="_blank" rel="noopener noreferrer">${text}</a>` : text);
    const tiles = this.tileAttribution === OSM_TILES_ATTRIBUTION ? link(OSM_TILES_ATTRIBUTION, 'https://www.openstreetmap.org/copyright') : this.tileAttribution;
    return html`<p class="attribution">
      ${attribution.length
        ? html`${msg('Data:')}
          ${attribution.map(
            (a, i) => html`${i ? ' · ' : ''}${link(a.text, a.url)}${a.license ? html` (${link(a.license, a.licenseUrl)})` : nothing}`
          )}`
        : nothing}
      ${this.view !== 'list' ? html`${attribution.length ? ' — ' : ''}${msg('Map:')} ${tiles}` : nothing}
    </p>`;
  }

  private renderListOnce() {
    const from = [this.shown, this.inViewCount, currentLocale()];
    if (!this.listTemplate || from.some((value, i) => value !== this.listTemplate!.from[i])) {
      this.listTemplate = {from, result: renderList(this.shown, this.inViewCount, (place) => this.select(place, 'list'))};
    }
    return this.listTemplate.result;
  }

  override render() {
    // Escape closes the detail from anywhere in the element, the map included.
    return html`<div class="layout" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.selected && this.back()}>
      <div part="filters" class="filters">
        ${renderFilters(this.chosenNeeds, this.q, {
          onNeed: (need, checked) => this.setNeed(need, checked),
          onSearch: (text) => (this.q = text),
          onNearMe: () => this.nearMe(),
        })}
      </div>
      ${this.renderStatusPart()}
      <div class="panes ${this.view}">
        <div part="map" class="map-frame" role="region" aria-label=${msg('Map of the places')} ?hidden=${this.view === 'list'}>
          <div class="leaflet-host"></div>
        </div>
        <div class="side">
          ${this.selected
            ? html`<div part="detail">${renderDetail(this.selected, () => this.back(), this.view === 'map' ? 'map' : 'list')}</div>`
            : this.view !== 'map'
              ? html`<section part="list" class="list" aria-labelledby="list-heading">
                  ${this.renderListOnce()}
                </section>`
              : nothing}
        </div>
      </div>
      ${this.renderAttribution(this.loaded?.attribution ?? [])}
    </div>`;
  }
}
