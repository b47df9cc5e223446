import { css } from 'lit';

/** A unit's page: its standing at a glance, then the reasons, targets, gaps, figures and working. */
export const unitDetailStyles = css`
  .campaign {
    margin: 0.5rem 0 0;
    color: var(--lb-muted);
    font-size: 0.95rem;
  }
  .back {
    display: inline-block;
    min-height: 24px;
    padding: 0.2rem 0;
  }
  h1 {
    margin: 0.25rem 0;
    font-size: clamp(1.3rem, 2vw + 0.8rem, 1.9rem);
  }
  h2,
  summary {
    font-size: 1.2rem;
    margin: 1.5rem 0 0.5rem;
    font-weight: 700;
  }
  summary {
    cursor: pointer;
    min-height: 24px;
  }
  /* The working's title is a heading (the outline stays h1 → h2 → h3), shown as the summary's text. */
  summary .summary-title {
    display: inline;
    font-size: inherit;
    margin: 0;
  }
  dl.figures {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr));
    gap: 0.4rem 1rem;
    margin: 0.5rem 0 1rem;
  }
  dl.figures div {
    display: flex;
    justify-content: space-between;
    gap: 0.5rem;
    border-bottom: 1px solid var(--lb-border);
    padding: 0.25rem 0;
  }
  dl.figures dd {
    margin: 0;
    font-weight: 700;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  dl.figures .of {
    color: var(--lb-muted);
    font-weight: 400;
  }
  dl.summary {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(8.5rem, 1fr));
    gap: 0.6rem;
    margin: 1rem 0;
  }
  dl.summary div {
    border: 1px solid var(--lb-border);
    border-radius: 8px;
    padding: 0.5rem 0.75rem;
  }
  dt {
    color: var(--lb-muted);
    font-size: 0.875rem;
  }
  dd {
    margin: 0;
    font-size: 1.2rem;
    font-weight: 700;
  }
  .reasons li,
  .targets li.not-met strong {
    color: var(--lb-down);
    font-weight: 600;
  }
  .targets li.met strong {
    color: var(--lb-up);
  }
  .targets li,
  .gaps li,
  .standing li {
    margin-bottom: 0.35rem;
  }
  .standing .source {
    display: block;
    color: var(--lb-muted);
    font-size: 0.85rem;
  }
  .needed {
    color: var(--lb-muted);
  }
  .hint {
    color: var(--lb-muted);
    font-size: 0.92rem;
  }
  details.inputs table {
    max-width: 44rem;
  }
`;
