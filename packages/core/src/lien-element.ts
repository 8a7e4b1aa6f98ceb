import {LitElement} from 'lit';
import type {LienEvent} from './events/lien-event.js';
import {LIEN_VERSION} from './version.js';
import {localizeHost, registerTranslations, startLocalization} from './localization.js';

/** The events an element fires, by type: `{'lien-load': LienLoadEvent<{count: number}>, …}`. */
export type LienEventMap = {[type: string]: LienEvent};

/** The `detail` of an event of an element's event map. */
export type EventDetail<E> = E extends CustomEvent<infer D> ? D : never;

/**
 * The base of every Lien element: a safe `define()`, a typed `emit()`, the shared locale state.
 * Styles come from `baseStyles` (see theme.ts); each element lists them first in its own `styles`.
 *
 * `Events` is the element's own event map: `emit()` accepts only those events, and `addEventListener` on the
 * element types each listener's event from it, so that two elements may give the same event type different details.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- the interface below only adds overloads
export class LienElement<Events extends LienEventMap = LienEventMap> extends LitElement {
  /** Which copy of Lien defined this class; `define()` compares it with the one already on the page. */
  static readonly lienVersion: string = LIEN_VERSION;

  /**
   * Registers the element under `tagName`. Loading the same script twice is harmless; when another copy
   * of Lien of a different version already holds the name, the first one stays and a warning says so.
   */
  static define(tagName: string, registry: CustomElementRegistry = customElements): void {
    const existing = registry.get(tagName) as (CustomElementConstructor & {lienVersion?: string}) | undefined;
    if (!existing) {
      registry.define(tagName, this);
      return;
    }
    if (existing !== this && existing.lienVersion !== this.lienVersion) {
      console.warn(
        `<${tagName}> is already defined by ${existing.lienVersion ? `Lien ${existing.lienVersion}` : 'another script'}; ` +
          `Lien ${this.lienVersion} was loaded too and is not used. Load one copy of Lien per page.`
      );
    }
  }

  /**
   * The element's translations, by locale: the `templates` of its generated locale modules
   * (`static override translations = {fr: frenchTemplates}`). Added to the page's catalog on first connect.
   */
  static translations: Record<string, Record<string, unknown>> = {};
  private static registered = new WeakSet<object>();

  constructor() {
    super();
    localizeHost(this);
  }

  override connectedCallback(): void {
    const ctor = this.constructor as typeof LienElement;
    if (!LienElement.registered.has(ctor)) {
      LienElement.registered.add(ctor);
      for (const [locale, templates] of Object.entries(ctor.translations)) registerTranslations(locale, templates);
    }
    startLocalization();
    super.connectedCallback();
  }

  /** Fires one of the element's events (they bubble out of the shadow root); false if it was cancelled. */
  protected emit(event: Events[keyof Events]): boolean {
    return this.dispatchEvent(event);
  }
}

/**
 * `addEventListener` and `removeEventListener` typed by the element's event map, besides the DOM's own events: the
 * interface only adds overloads to the class's inherited methods (the DOM's own pattern for its media elements).
 */
export interface LienElement<Events extends LienEventMap = LienEventMap> {
  addEventListener<K extends keyof Events & string>(type: K, listener: (this: this, event: Events[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: this, event: HTMLElementEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof Events & string>(type: K, listener: (this: this, event: Events[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: this, event: HTMLElementEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}
