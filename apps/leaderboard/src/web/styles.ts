/**
 * Styles shared by every element: colours chosen for WCAG 2.1 AA contrast on white (text ≥ 4.5:1),
 * a visible focus ring, a screen-reader-only utility, tables that scroll sideways on a 360 px phone.
 */
import { css } from 'lit';

export const sharedStyles = css`
  :host {
    --lb-text: #1b1f24;
    --lb-muted: #4a5360;
    --lb-border: #c9d1db;
    --lb-stripe: #f4f6f9;
    --lb-accent: #0b57a4;
    --lb-accent-bg: #e8f0fb;
    --lb-up: #116329;
    --lb-down: #b3261e;
    --lb-warn-bg: #fff4ce;
    --lb-warn-text: #5c3b00;
    --lb-focus: #0b57a4;
    display: block;
    color: var(--lb-text);
    font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif;
    line-height: 1.45;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  a {
    color: var(--lb-accent);
  }
  a:focus-visible,
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  [tabindex]:focus-visible,
  summary:focus-visible {
    outline: 3px solid var(--lb-focus);
    outline-offset: 2px;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0, 0, 0, 0);
    white-space: nowrap;
    border: 0;
  }
  .scroll {
    overflow-x: auto;
    max-width: 100%;
    position: relative;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: left;
    font-weight: 600;
    padding: 0.5rem 0;
  }
  th,
  td {
    padding: 0.45rem 0.5rem;
    border-bottom: 1px solid var(--lb-border);
    text-align: left;
    vertical-align: top;
  }
  thead th {
    background: var(--lb-stripe);
    font-size: 0.875rem;
  }
  td.num,
  th.num {
    text-align: right;
    white-space: nowrap;
  }
  button,
  .button {
    font: inherit;
    border: 1px solid var(--lb-accent);
    background: #fff;
    color: var(--lb-accent);
    border-radius: 6px;
    padding: 0.35rem 0.75rem;
    cursor: pointer;
    text-decoration: none;
    display: inline-block;
  }
  button.primary {
    background: var(--lb-accent);
    color: #fff;
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .status {
    display: inline-block;
    border-radius: 999px;
    padding: 0.05rem 0.6rem;
    font-weight: 600;
    font-size: 0.875rem;
  }
  .status.provisional {
    background: var(--lb-warn-bg);
    color: var(--lb-warn-text);
  }
  .status.final {
    background: var(--lb-up);
    color: #fff;
  }
  .sample {
    background: var(--lb-warn-bg);
    color: var(--lb-warn-text);
    border: 2px solid #b7791f;
    border-radius: 6px;
    padding: 0.5rem 0.75rem;
    margin: 0.5rem 0;
  }
  @media print {
    :host {
      color: #000;
    }
    .no-print {
      display: none !important;
    }
  }
`;

/** The frame of a whole page (public ranking, unit detail): width, header rule, title row, meta line. */
export const pageStyles = css`
  :host {
    max-width: var(--lb-page-width, 68rem);
    margin: 0 auto;
    padding: 0 1rem 2rem;
  }
  header {
    padding: 1rem 0 0.5rem;
    border-bottom: 3px solid var(--lb-accent);
  }
  .top {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: 0.5rem;
    flex-wrap: wrap;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    align-items: center;
    margin: 0.25rem 0;
  }
  /* When the figures were published, and the decision a final result rests on. */
  .published {
    margin: 0.25rem 0;
    font-size: 0.9rem;
    color: var(--lb-muted);
  }
`;
