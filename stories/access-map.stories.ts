import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {LienError, type LienErrorKind} from '@lien/core';
import '../packages/access-map/src/define.js';
import type {AccessMap} from '../packages/access-map/src/access-map.js';
import {
  a11yjsonSource,
  acceslibreSource,
  geojsonSource,
  lienSource,
  overpassSource,
  type PlaceSource,
} from '../packages/access-map/src/index.js';
// Answers in each API's real shape: excerpts of packages/access-map/test/fixtures (see its README for
// origins and licences).
import storyData from './data/access-map.json';

/**
 * `<access-map>`: a map of places with their accessibility, and the same places as a list.
 *
 * Every story runs offline: each source adapter reads answers in its real API's shape (excerpts of
 * real open data, see packages/access-map/test/fixtures) through a `fetch` that never leaves the page,
 * and the map's tiles are a plain background. Switch "Locale" in the toolbar for French.
 */


/** A blank tile, so that no story needs the internet. */
const OFFLINE_TILE =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/** A `fetch` answering every request with the given body, as the real API would. */
const answer =
  (body: unknown): typeof fetch =>
  async () =>
    new Response(JSON.stringify(body), {headers: {'Content-Type': 'application/json'}});

const sources = {
  acceslibre: () => acceslibreSource({fetch: answer(storyData.acceslibre)}),
  overpass: () => overpassSource({fetch: answer(storyData.overpass)}),
  a11yjson: () => a11yjsonSource({fetch: answer(storyData.a11yjson)}),
  geojson: () => geojsonSource({url: 'norwich.geojson', fetch: answer(storyData.geojson)}),
  lien: () => lienSource({fetch: answer(storyData.lien)}),
};

const failing = (kind: LienErrorKind, options: {status?: number; retryAfter?: number; field?: string} = {}): PlaceSource => ({
  load: async () => {
    throw new LienError(kind, kind, options);
  },
});

interface Args {
  dataSource: PlaceSource;
  center: string;
  zoom: number;
  needs: string;
  q: string;
  view: 'both' | 'map' | 'list';
}

const FRANCE = {center: '46.6,2.4', zoom: 5};
const NORWICH = {center: '52.6285,1.2925', zoom: 15};

const meta: Meta<Args> = {
  title: 'Elements/access-map',
  component: 'access-map',
  // A docs page per element: its attributes, events, parts and CSS properties read from custom-elements.json.
  tags: ['autodocs'],
  args: {dataSource: sources.lien(), ...FRANCE, needs: '', q: '', view: 'both'},
  argTypes: {
    view: {control: 'inline-radio', options: ['both', 'map', 'list']},
    needs: {control: 'text', description: 'wheelchair walking vision hearing cognitive'},
    dataSource: {control: false},
  },
  render: (args) =>
    html`<access-map
      .dataSource=${args.dataSource}
      center=${args.center}
      zoom=${args.zoom}
      needs=${args.needs}
      q=${args.q}
      view=${args.view}
      tile-url=${OFFLINE_TILE}
      tile-attribution="Offline background (stories)"
    ></access-map>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Loaded: Story = {};

export const Loading: Story = {args: {dataSource: {load: () => new Promise(() => {})}}};

export const Empty: Story = {name: 'Empty (no place matches these needs)', args: {q: 'no such place'}};

export const FilteredByNeeds: Story = {args: {needs: 'wheelchair hearing'}};

export const ListOnly: Story = {args: {view: 'list'}};

export const MapOnly: Story = {args: {view: 'map'}};

/** The detail of the first place, opened as a person would: from the list. */
export const DetailOpen: Story = {
  play: async ({canvasElement}) => {
    const el = canvasElement.querySelector<AccessMap>('access-map')!;
    for (let i = 0; i < 50 && !el.shadowRoot?.querySelector('button.place'); i++) await new Promise((r) => setTimeout(r, 100));
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.place')?.click();
  },
};

export const ErrorNetwork: Story = {name: 'Error: network', args: {dataSource: failing('network')}};
export const ErrorOffline: Story = {name: 'Error: offline', args: {dataSource: failing('offline')}};
export const ErrorTimeout: Story = {name: 'Error: time-out', args: {dataSource: failing('timeout')}};
export const ErrorServer: Story = {name: 'Error: server (500)', args: {dataSource: failing('http', {status: 500})}};
export const ErrorNotFound: Story = {name: 'Error: not found (404)', args: {dataSource: failing('http', {status: 404})}};
export const ErrorRateLimited: Story = {name: 'Error: rate-limited (429)', args: {dataSource: failing('rate-limited', {status: 429, retryAfter: 120})}};
export const ErrorParse: Story = {name: 'Error: unreadable answer', args: {dataSource: failing('parse', {field: 'results'})}};

/** A later page refused: the places already loaded stay, with the reason. */
export const PartlyLoaded: Story = {
  args: {
    dataSource: {
      load: async (query, options) => ({
        ...(await sources.acceslibre().load(query, options)),
        truncated: true,
        dropped: 3,
        problem: new LienError('rate-limited', 'rate-limited', {status: 429, retryAfter: 3600}),
      }),
    },
  },
};

export const SourceAcceslibre: Story = {name: 'Source: Acceslibre', args: {dataSource: sources.acceslibre()}};
export const SourceOverpass: Story = {name: 'Source: OpenStreetMap (Overpass)', args: {dataSource: sources.overpass(), ...NORWICH}};
export const SourceA11yjson: Story = {name: 'Source: accessibility.cloud (A11yJSON)', args: {dataSource: sources.a11yjson(), ...NORWICH}};
export const SourceGeojson: Story = {name: 'Source: GeoJSON file', args: {dataSource: sources.geojson(), ...NORWICH}};
export const SourceLien: Story = {name: 'Source: Lien gateway', args: {dataSource: sources.lien()}};
