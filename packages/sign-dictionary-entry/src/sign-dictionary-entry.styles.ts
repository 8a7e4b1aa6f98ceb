import {css} from 'lit';

export const signEntryStyles = css`
  :host {
    display: block;
  }
  :is(h1, h2, h3, h4, h5, h6) {
    margin: 0 0 0.5rem;
  }
  .player {
    margin: 0 0 1rem;
    display: grid;
    gap: 0.5rem;
  }
  .stage {
    border-radius: var(--_radius);
    background: #000;
    max-width: 40rem;
  }
  video {
    display: block;
    width: 100%;
    aspect-ratio: 4 / 3;
    border-radius: var(--_radius);
  }
  /* A learning aid: the sign as seen in a mirror. */
  video.mirrored {
    transform: scaleX(-1);
  }
  .controls,
  .speeds {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .controls button[aria-pressed='true'] {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .controls button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .note,
  .credits,
  .source {
    color: var(--_muted);
  }
  .note {
    margin: 0;
    font-size: 0.9em;
  }
  .variants {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0 0 1rem;
  }
  .form {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.5rem;
    margin: 0.5rem 0;
  }
  .form dt {
    font-weight: 600;
  }
  .form dd {
    margin: 0;
  }
  .missing,
  .unplayable {
    margin: 0.5rem 0;
  }
`;
