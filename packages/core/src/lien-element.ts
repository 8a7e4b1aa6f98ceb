import {LitElement} from 'lit';
import {LIEN_VERSION} from './version.js';
import {localizeHost, registerTranslations, startLocalization} from './localization.js';

/** The `detail` of a CustomEvent type registered in `HTMLElementEventMap`. */
export type EventDetail<K extends keyof HTMLElementEventMap> =
  HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * The base of every Lien element: a safe `define()`, a typed `emit()`, the shared locale state.
 * Styles come from `baseStyles` (see theme.ts); each element lists them first in its own `styles`.
 */
export class LienElement extends LitElement {
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

  /** Fires a `lien-*` CustomEvent that bubbles out of the shadow root; returns false if it was cancelled. */
  protected emit<K extends keyof HTMLElementEventMap>(
    name: K,
    detail: EventDetail<K>,
    options: {cancelable?: boolean} = {}
  ): boolean {
    return this.dispatchEvent(
      new CustomEvent(name, {detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false})
    );
  }
}
