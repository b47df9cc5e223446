import { css } from 'lit';

/**
 * The ranking table's styles. Phone first: at 360 px wide the table keeps four columns — rank,
 * unit, score, and the prize, class or targets met — the names wrap, and nothing runs off the right
 * edge; the rule set's other figures (class "fig") appear from 641 px up, where a table wider than
 * the screen scrolls inside its own box.
 */
export const rankingTableStyles = css`
  .ranking-block {
    max-width: 100%;
    /* Contains the visually hidden labels of the headers, so they scroll (and clip) with the table. */
    position: relative;
  }
  table.ranking {
    table-layout: auto;
  }
  th button {
    border: 0;
    background: none;
    padding: 0.25rem 0;
    min-height: 24px;
    color: inherit;
    font-weight: 600;
    text-align: inherit;
    cursor: pointer;
  }
  th button .arrow,
  .sub {
    color: var(--lb-muted);
  }
  .sub {
    display: block;
    font-weight: 400;
    font-size: 0.8rem;
  }
  tbody tr:nth-child(even) {
    background: var(--lb-stripe);
  }
  tr.prize td,
  tr.prize th {
    font-weight: 600;
  }
  tr.changed {
    outline: 2px solid var(--lb-accent);
    outline-offset: -2px;
  }
  .changed-mark {
    display: inline-block;
    margin-left: 0.35rem;
    padding: 0 0.35rem;
    border-radius: 4px;
    background: var(--lb-accent-bg);
    color: var(--lb-accent);
    font-size: 0.78rem;
    font-weight: 600;
  }
  th.unit a {
    display: inline-block;
    min-height: 24px;
    padding: 0.1rem 0;
  }
  td.rank .rank-number {
    font-weight: 700;
    font-size: 1.05rem;
  }
  td.rank .change {
    display: block;
    font-size: 0.8rem;
    font-weight: 600;
  }
  td.score {
    font-weight: 700;
  }
  td.prize-cell {
    white-space: normal;
  }
  .amount {
    display: block;
    white-space: nowrap;
    color: var(--lb-muted);
    font-weight: 400;
    font-size: 0.85rem;
  }
  .up {
    color: var(--lb-up);
  }
  .down {
    color: var(--lb-down);
  }
  .same,
  .new {
    color: var(--lb-muted);
  }
  .undecided {
    color: var(--lb-warn-text);
    background: var(--lb-warn-bg);
    padding: 0 0.25rem;
    border-radius: 4px;
  }
  td.target.met {
    color: var(--lb-up);
  }
  .target-figure {
    display: block;
    color: var(--lb-text);
    font-variant-numeric: tabular-nums;
  }
  td.class-cell .pill {
    display: inline-block;
    padding: 0.05rem 0.55rem;
    border: 1px solid var(--lb-border);
    border-radius: 999px;
    background: var(--lb-stripe);
    font-weight: 600;
    white-space: nowrap;
  }
  .scroll-hint {
    margin: 0.25rem 0;
    color: var(--lb-muted);
    font-size: 0.88rem;
  }
  td.target.not-met {
    color: var(--lb-down);
  }
  .more {
    margin: 0.5rem 0;
  }
  .more .button {
    min-height: 44px;
    padding: 0.6rem 1rem;
  }
  .tie-notes {
    margin: 0.5rem 0 0;
    padding-left: 1.1rem;
    color: var(--lb-muted);
    font-size: 0.9rem;
  }
  h3 {
    font-size: 1.05rem;
    margin: 1.5rem 0 0.25rem;
  }
  .empty {
    color: var(--lb-muted);
  }
  tfoot td {
    font-weight: 700;
  }
  td.reason {
    overflow-wrap: anywhere;
  }
  @media (max-width: 640px) {
    .fig,
    .scroll-hint.wide {
      display: none;
    }
    /* The tab already names the group; the caption stays for screen readers. */
    caption {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0, 0, 0, 0);
      white-space: nowrap;
    }
    thead th {
      font-size: 0.8rem;
    }
    .sub {
      display: none;
    }
    th,
    td {
      padding: 0.4rem 0.3rem;
      font-size: 0.9rem;
    }
    td.rank {
      width: 2.4rem;
    }
    th.unit {
      overflow-wrap: anywhere;
    }
    td.outcome {
      width: 6.4rem;
      font-size: 0.85rem;
    }
    .amount {
      font-size: 0.8rem;
    }
  }
  @media (min-width: 641px) {
    .ranking-block {
      overflow-x: auto;
    }
    .scroll-hint.narrow {
      display: none;
    }
    /* Long figure headings wrap, so that more of a wide rule set fits before the table scrolls. */
    th.fig button {
      max-width: 9rem;
      white-space: normal;
    }
    th.unit {
      min-width: 11rem;
    }
  }
  /* On paper: the award list the committee signs, nothing to scroll or click. */
  @media print {
    .ranking-block,
    .ineligible-block,
    .tie-notes {
      display: none !important;
    }
    .awards {
      break-inside: avoid;
    }
    thead {
      display: table-header-group;
    }
    tr {
      break-inside: avoid;
    }
  }
`;
