import {html, nothing, type TemplateResult} from 'lit';
import {msg, str} from '@lit/localize';
import {toLienError} from './errors.js';
import {formatNumber} from './numbers.js';

/** The plain-words sentence for an error, in the page's language. */
export function describeError(error: unknown): string {
  const e = toLienError(error);
  switch (e.kind) {
    case 'offline':
      return msg('You are offline. Reconnect, then try again.');
    case 'timeout':
      return msg('The data service took too long to answer.');
    case 'rate-limited':
      return e.retryAfter !== undefined
        ? msg(str`The data service is busy. Try again in ${formatNumber(Math.ceil(e.retryAfter))} seconds.`)
        : msg('The data service is busy. Try again in a moment.');
    case 'http':
      if (e.status === 404) return msg('The data could not be found at this address (error 404).');
      if (e.status === 401 || e.status === 403) {
        return msg(str`The data service refused access (error ${e.status}). The site may need an API key.`);
      }
      return e.status !== undefined && e.status >= 500
        ? msg(str`The data service has a problem on its side (error ${e.status}).`)
        : msg(str`The data service refused the request (error ${e.status ?? '?'}).`);
    case 'parse':
      return e.field
        ? msg(str`The data received is not in the expected format (field “${e.field}”).`)
        : msg('The data received is not in the expected format.');
    case 'upstream':
      return msg('The data service could not do what was asked this time (it may be overloaded). Try again in a moment.');
    case 'validation':
      return e.message;
    case 'aborted':
      return msg('Cancelled.');
    case 'network':
    default:
      return msg('The data service could not be reached. Check your connection and try again.');
  }
}

export interface StatusOptions {
  /** What the element is doing; `idle` renders nothing. */
  state: 'idle' | 'loading' | 'empty' | 'error' | 'ready';
  error?: unknown;
  /** Shown for `empty`, e.g. "No place here matches these needs." */
  emptyText?: string;
  /** Shown for `loading` (default "Loading…"). */
  loadingText?: string;
  /** Shown for `ready`, announced politely (e.g. "12 places found"). */
  readyText?: string;
  /** The retry action offered with a retryable error. */
  onRetry?: () => void;
  /** A sentence said after the error's, e.g. what is still shown despite it. */
  note?: string;
}

/**
 * The status line every element shows instead of a blank box: a polite live region for loading, empty
 * and ready, an alert with a retry button for errors. Render it in a `part="status"` container.
 */
export function renderStatus(options: StatusOptions): TemplateResult {
  const {state} = options;
  if (state === 'error') {
    const error = toLienError(options.error);
    return html`<div class="status status-error" role="alert">
      <p>${describeError(error)}${options.note ? ` ${options.note}` : ''}</p>
      ${options.onRetry && error.retryable
        ? html`<button type="button" class="retry" @click=${options.onRetry}>${msg('Try again')}</button>`
        : nothing}
    </div>`;
  }
  const text =
    state === 'loading'
      ? (options.loadingText ?? msg('Loading…'))
      : state === 'empty'
        ? options.emptyText
        : state === 'ready'
          ? options.readyText
          : undefined;
  return html`<div class="status" role="status" aria-live="polite">${text ?? nothing}</div>`;
}

