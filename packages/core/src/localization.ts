import {configureLocalization, updateWhenLocaleChanges} from '@lit/localize';
import type {ReactiveControllerHost} from 'lit';
import {templates as coreFrench} from './generated/locales/fr.js';

/**
 * One locale state per page, shared by every Lien element, following `<html lang>` and its changes.
 *
 * Each package keeps its own XLIFF and generated locale modules; an element names its translations in
 * `static translations`, registered on its first connect (see LienElement). They are merged into one catalog per locale, so that adding an
 * element never means touching core's translations.
 */
export const sourceLocale = 'en';
export const targetLocales = ['fr'] as const;
export type LienLocale = typeof sourceLocale | (typeof targetLocales)[number];

type Templates = Record<string, unknown>;
const catalogs: Record<string, Templates> = Object.fromEntries(targetLocales.map((l) => [l, {}]));

let localization: ReturnType<typeof configureLocalization> | undefined;
let observer: MutationObserver | undefined;

/** The closest supported locale for a BCP 47 tag: "fr-CA" → "fr", "de" → "en". */
export function matchLocale(tag: string | null | undefined): LienLocale {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (targetLocales as readonly string[]).includes(primary) ? (primary as LienLocale) : sourceLocale;
}

/** Adds a package's translations for one locale (the `templates` export of its generated module). */
export function registerTranslations(locale: string, templates: Templates): void {
  if (!catalogs[locale]) return;
  // Mutated in place: @lit/localize keeps a reference to the active catalog.
  Object.assign(catalogs[locale], templates);
}

function documentLocale(): LienLocale {
  return matchLocale(typeof document === 'undefined' ? '' : document.documentElement.lang);
}

/** Starts the shared state once per page; every Lien element calls it when it connects. */
export function startLocalization(): void {
  if (localization) return;
  registerTranslations('fr', coreFrench);
  localization = configureLocalization({
    sourceLocale,
    targetLocales,
    loadLocale: async (locale) => ({templates: catalogs[locale]}) as never,
  });
  void localization.setLocale(documentLocale());
  if (typeof MutationObserver !== 'undefined') {
    observer = new MutationObserver(() => void localization!.setLocale(documentLocale()));
    observer.observe(document.documentElement, {attributes: true, attributeFilter: ['lang']});
  }
}

/** The active locale ("en" before anything started). */
export function currentLocale(): LienLocale {
  return (localization?.getLocale() as LienLocale | undefined) ?? documentLocale();
}

/**
 * Switches every Lien element on the page. Sites normally just change `<html lang>`; this is for a
 * language switcher that does not. Resolves once the elements can render in the new locale.
 */
export async function setLocale(locale: string): Promise<void> {
  startLocalization();
  await localization!.setLocale(matchLocale(locale));
}

/** Makes a host re-render whenever the locale changes (the base element does this for every element). */
export function localizeHost(host: ReactiveControllerHost): void {
  updateWhenLocaleChanges(host);
}

