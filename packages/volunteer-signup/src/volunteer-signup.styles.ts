import {css} from 'lit';

export const volunteerSignupStyles = css`
  :host {
    display: block;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: flex-end;
    margin-block-end: 1rem;
  }
  .filters label {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  .missions {
    list-style: none;
    padding: 0;
    margin: 0 0 1rem;
    display: grid;
    gap: 0.75rem;
  }
  .mission article {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem 1rem;
    background: var(--_surface);
  }
  .mission :is(h1, h2, h3, h4, h5, h6) {
    margin: 0 0 0.25rem;
    font-size: 1.1em;
  }
  .organization,
  .meta,
  .optional {
    color: var(--_muted);
  }
  .organization,
  .meta {
    margin: 0 0 0.5rem;
  }
  .description {
    margin-block-end: 0.75rem;
  }
  .signup {
    display: grid;
    gap: 0.75rem;
    max-width: 40rem;
  }
  .signup :is(h1, h2, h3, h4, h5, h6) {
    margin: 0;
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  .field input:not([type='checkbox']),
  .field textarea,
  .filters input,
  .filters select {
    font: inherit;
    padding: 0.4rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    min-width: 0;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .consent label {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
  }
  .field-error,
  .error {
    color: var(--_danger);
  }
  .field-error:empty {
    display: none;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger) !important;
  }
  /* The field robots fill: out of sight, but labelled for whoever meets it. */
  .leave-empty {
    position: absolute;
    left: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .status:empty {
    display: none;
  }
  .status {
    margin: 0 0 0.75rem;
  }
`;
