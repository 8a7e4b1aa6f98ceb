import {css} from 'lit';

export const donateButtonStyles = css`
  :host {
    display: block;
    max-width: 32rem;
  }
  .panel {
    display: grid;
    gap: var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  legend {
    font-weight: 600;
    margin-bottom: 0.4rem;
    padding: 0;
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    padding: 0.4rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .choice:has(input:checked) {
    border-color: var(--_primary);
    box-shadow: inset 0 0 0 1px var(--_primary);
  }
  .custom input[type='text'] {
    width: 7rem;
    font: inherit;
    padding: 0.3rem 0.4rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
  }
  .error {
    color: var(--_danger);
    margin: 0;
    flex-basis: 100%;
  }
  .note,
  .fallback {
    color: var(--_muted);
    margin: 0;
  }
  .tax-note {
    margin: 0;
  }
`;

export const transferStyles = css`
  .transfer {
    display: grid;
    gap: var(--_space);
    justify-items: start;
  }
  .qr {
    width: 12rem;
    height: 12rem;
  }
  .transfer dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25rem 0.75rem;
    margin: 0;
  }
  .transfer dt {
    font-weight: 600;
  }
  .transfer dd {
    margin: 0;
  }
  .iban {
    font-family: ui-monospace, monospace;
  }
`;

export const goalStyles = css`
  .progress p {
    margin: 0 0 0.25rem;
    font-weight: 600;
  }
  progress {
    width: 100%;
    height: 0.75rem;
    accent-color: var(--_primary);
  }
`;

export const dialogStyles = css`
  dialog {
    border: 0;
    border-radius: var(--_radius);
    padding: 0;
    max-width: min(32rem, calc(100vw - 2rem));
    background: var(--_surface);
    color: var(--_text);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  .dialog-head {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space) var(--_space) 0;
  }
  .dialog-head :is(h1, h2, h3, h4, h5, h6) {
    margin: 0;
    font-size: 1.2em;
  }
  dialog .panel {
    border: 0;
  }
`;
