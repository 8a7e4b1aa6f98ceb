import {css, html} from 'lit';
import {baseStyles, LienElement, LienError, renderStatus} from '@lien/core';

/**
 * `<lien-theme-preview>`: a swatch of what the theme tokens drive in every element — text, surfaces,
 * buttons, focus ring, status and error lines. The demo page and the theme story show it; it is also the
 * smallest element built on core alone, so the size report measures core's budget with it.
 *
 * @customElement lien-theme-preview
 */
export class LienThemePreview extends LienElement {
  static override styles = [
    baseStyles,
    css`
      .card {
        background: var(--_surface);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: var(--_space);
        display: grid;
        gap: var(--_space);
        max-width: 34rem;
      }
      .muted {
        color: var(--_muted);
      }
      .alt {
        background: var(--_surface-alt);
        border-radius: var(--_radius);
        padding: calc(var(--_space) / 2) var(--_space);
      }
      .row {
        display: flex;
        gap: var(--_space);
        flex-wrap: wrap;
      }
      .status-error {
        color: var(--_danger);
      }
      .ok {
        color: var(--_success);
      }
      p {
        margin: 0;
      }
    `,
  ];

  override render() {
    return html`<section class="card" aria-label="Theme preview">
      <p><strong>Lien</strong> — <span class="muted">muted text</span>, <span class="ok">success</span></p>
      <div class="alt">surface-alt</div>
      <div class="row">
        <button type="button">Primary</button>
        <button type="button" class="secondary">Secondary</button>
      </div>
      ${renderStatus({state: 'loading'})}
      ${renderStatus({state: 'error', error: new LienError('rate-limited', 'busy', {retryAfter: 30}), onRetry: () => {}})}
    </section>`;
  }
}
LienThemePreview.define('lien-theme-preview');
