import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {Place} from '@lien/open-data/place.js';

export type OpenedFrom = 'list' | 'map';

export interface DetailHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface DetailSettings {
  /** Called when a place opens (the element fires its event, the map highlights it). */
  onOpen(place: Place | undefined): void;
  /** The place's marker, when the map shows it. */
  markerOf(place: Place): HTMLElement | undefined;
  /** Where focus goes when neither the place's list item nor its marker is there. */
  fallback(): HTMLElement | null | undefined;
}

/**
 * The place opened in words, and the focus that goes with it: to the detail's heading when it opens, and back,
 * when it closes, to where it was opened from — its marker or its list item, else the other, else the list's
 * heading (or the map, without a list), since the place may be in a cluster or out of view by then.
 */
export class PlaceDetail implements ReactiveController {
  place?: Place;
  from: OpenedFrom = 'list';

  constructor(
    private readonly host: DetailHost,
    private readonly settings: DetailSettings
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  async open(place: Place, from: OpenedFrom): Promise<void> {
    this.place = place;
    this.from = from;
    this.settings.onOpen(place);
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('#detail-heading')?.focus();
  }

  async close(): Promise<void> {
    const place = this.place;
    if (!place) return;
    this.place = undefined;
    this.settings.onOpen(undefined);
    this.host.requestUpdate();
    await this.host.updateComplete;
    const item = this.host.renderRoot.querySelector<HTMLElement>(`button.place[data-id="${CSS.escape(place.id)}"]`) ?? undefined;
    const marker = this.settings.markerOf(place);
    const target = this.from === 'map' ? (marker ?? item) : (item ?? marker);
    (target ?? this.settings.fallback())?.focus();
  }
}
