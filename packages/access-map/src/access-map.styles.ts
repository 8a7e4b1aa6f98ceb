import {css} from 'lit';

export const accessMapStyles = css`
  :host {
    /* Leaflet needs a box with a size; paint stays inside the element. */
    contain: content;
    container-type: inline-size;
    --_map-height: var(--access-map-height, 26rem);
    /*
     * Marker fills. Markers sit on the tiles, which stay light (OpenStreetMap's, about #f2efe9) whatever the
     * page's scheme, and on the surface where no tile is drawn. The light scheme's own colours reach 3:1 on
     * both; the dark scheme's pale text colours would not on the tiles (1.5:1), so its marker defaults are
     * mid-tones that reach 3:1 on the tiles and on the dark surface (test/marker-contrast.test.ts). A token
     * set by the page wins.
     */
    --_marker: var(--access-map-marker-color, var(--lien-color-primary, light-dark(var(--_primary), #3b82c4)));
    --_marker-no: var(--lien-color-danger, light-dark(var(--_danger), #d64541));
    --_marker-unknown: var(--lien-color-muted, light-dark(var(--_muted), #737f8c));
    --_marker-selected: var(--lien-color-focus, light-dark(var(--_focus), #c46500));
  }
  @supports not (color: light-dark(#000, #fff)) {
    :host {
      --_marker: var(--access-map-marker-color, var(--_primary));
      --_marker-no: var(--_danger);
      --_marker-unknown: var(--_muted);
      --_marker-selected: var(--_focus);
    }
  }
  .layout {
    display: grid;
    gap: var(--_space);
  }
  [part='filters'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: end;
  }
  fieldset {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    margin: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  label {
    display: inline-flex;
    gap: 0.4rem;
    align-items: center;
    min-height: 2.75rem;
  }
  input[type='checkbox'] {
    width: 1.25rem;
    height: 1.25rem;
  }
  .search {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  input[type='search'] {
    font: inherit;
    min-height: 2.75rem;
    padding: 0 0.6rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  .panes {
    display: grid;
    gap: var(--_space);
  }
  @container (min-width: 48rem) {
    .panes.both {
      grid-template-columns: minmax(0, 3fr) minmax(16rem, 2fr);
    }
    .panes.both .side {
      max-height: var(--_map-height);
      overflow: auto;
    }
  }
  .map-frame {
    position: relative;
    height: var(--_map-height);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
    background: var(--_surface-alt);
  }
  .map-frame .leaflet-host {
    position: absolute;
    inset: 0;
  }
  .side {
    min-width: 0;
    /* Room for the focus ring of full-width buttons: the pane scrolls, and would clip it at its sides. */
    padding: calc(var(--_focus-width) + 2px);
  }
  /* Skip buttons: out of sight until a keyboard reaches them. */
  .skip {
    position: absolute;
    inset-inline-start: 0.5rem;
    top: 0.5rem;
    z-index: 1000;
  }
  .skip:not(:focus) {
    clip-path: inset(50%);
    width: 1px;
    height: 1px;
    overflow: hidden;
    white-space: nowrap;
    padding: 0;
  }
  .list {
    position: relative;
  }
  .places {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.4rem;
  }
  /* Up to 200 places: those out of sight are laid out when scrolled to (they stay in the accessibility tree). */
  .places > li {
    content-visibility: auto;
    contain-intrinsic-size: auto 3.5rem;
  }
  button.place {
    width: 100%;
    text-align: start;
    display: grid;
    gap: 0.15rem;
    background: var(--_surface);
    color: var(--_text);
    border: 1px solid var(--_border);
  }
  .place .name {
    font-weight: 600;
  }
  .place .summary,
  .more,
  .category,
  .source,
  .attribution {
    color: var(--_muted);
    font-size: 0.9em;
  }
  /* One look whatever level \`heading-level\` gives them: the place's name and the list's count, then sections. */
  :is(h1, h2, h3, h4, h5, h6) {
    margin: 0.5rem 0 0.25rem;
    font-size: 1.15em;
  }
  .detail :is(h2, h3, h4, h5, h6):not(#detail-heading) {
    font-size: 1em;
  }
  .detail ul {
    margin: 0;
    padding-inline-start: 1.2rem;
  }
  .description {
    white-space: pre-line;
  }
  .links {
    display: flex;
    flex-direction: column;
    gap: 0.3rem;
  }
  a {
    color: var(--_primary);
  }
  [part='status'] .warning {
    color: var(--_danger);
  }
  .status-error {
    border-inline-start: 4px solid var(--_danger);
    padding-inline-start: 0.6rem;
  }
  .attribution {
    margin: 0;
  }
  /* Markers: SVG pins and discs drawn with the theme's colours. */
  .lien-marker {
    background: none;
    border: none;
  }
  .lien-cluster {
    display: grid;
    place-items: center;
    box-sizing: border-box;
    border: 3px solid var(--_surface);
    border-radius: 50%;
    background: var(--_primary);
    color: var(--_on-primary);
    font: 600 13px var(--_font, sans-serif);
  }
  .lien-marker .pin {
    fill: var(--_marker);
    stroke: var(--_surface);
    stroke-width: 1.5;
  }
  .lien-marker .mark {
    fill: var(--_surface);
  }
  .lien-marker .mark.stroke {
    fill: none;
    stroke: var(--_surface);
    stroke-width: 2.5;
  }
  .lien-marker.status-no .pin {
    fill: var(--_marker-no);
  }
  .lien-marker.status-unknown .pin {
    fill: var(--_marker-unknown);
  }
  .lien-marker.selected .pin {
    fill: var(--_marker-selected);
  }
  /* On the tiles, a halo of the surface colour keeps the ring visible when the ring is pale (dark scheme). */
  .leaflet-marker-icon:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
    box-shadow: 0 0 0 calc(var(--_focus-width) + 4px) var(--_surface);
  }
  .leaflet-container {
    font: inherit;
  }
  @media (forced-colors: active) {
    .lien-marker .pin {
      fill: CanvasText;
    }
    .lien-marker .mark {
      fill: Canvas;
    }
    .lien-cluster {
      forced-color-adjust: none;
      background: CanvasText;
      color: Canvas;
    }
  }
`;
