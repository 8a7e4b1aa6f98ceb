export {LienElement, type EventDetail, type LienEventMap} from './lien-element.js';
export {LienEvent} from './events/lien-event.js';
export {LienLoadEvent} from './events/lien-load.js';
export {LienErrorEvent} from './events/lien-error.js';
export {tokens, baseStyles} from './theme.js';
export {
  startLocalization,
  setLocale,
  currentLocale,
  matchLocale,
  registerTranslations,
  localizeHost,
  sourceLocale,
  targetLocales,
  type LienLocale,
} from './localization.js';
export {LienError, toLienError, isAbort, type LienErrorKind, type LienErrorOptions} from './errors.js';
export {endpointUrl, fetchBytes, fetchJson, fetchWithRetry, parseRetryAfter, readBytes, type FetchJsonOptions} from './fetch-json.js';
export {wait} from './wait.js';
export {parseLocaleNumber, formatNumber, formatMoney, formatDate} from './numbers.js';
export {describeError, renderStatus, type StatusOptions} from './status.js';
export {headingLevel, levelBelow, renderHeading, type HeadingLevel, type HeadingOptions} from './heading.js';
export {DataController, keyedCache, type DataCache, type DataControllerOptions} from './data-controller.js';
export {LIEN_VERSION} from './version.js';
