import { css } from 'lit';

/** The campaign page's own styles: a compact header on a phone, tabs, the live line, the footer. */
export const leaderboardStyles = css`
  :host {
    --lb-page-width: 76rem;
  }
  .home {
    display: inline-block;
    min-height: 24px;
    padding: 0.2rem 0;
  }
  .authority {
    margin: 0.25rem 0 0;
    color: var(--lb-muted);
    font-size: 0.9rem;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.02em;
  }
  h1 {
    font-size: clamp(1.1rem, 2.6vw + 0.6rem, 1.9rem);
    line-height: 1.25;
    margin: 0.35rem 0;
  }
  .asof {
    font-weight: 700;
  }
  .status.archived {
    background: var(--lb-stripe);
    color: var(--lb-muted);
    border: 1px solid var(--lb-border);
  }
  .updated {
    color: var(--lb-muted);
    font-size: 0.9rem;
  }
  main:focus {
    outline: none;
  }
  [role='tablist'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin: 0.75rem 0 0;
    border-bottom: 1px solid var(--lb-border);
  }
  [role='tab'] {
    padding: 0.55rem 0.8rem;
    min-height: 24px;
    border: 1px solid var(--lb-border);
    border-bottom: none;
    border-radius: 8px 8px 0 0;
    text-decoration: none;
    color: var(--lb-text);
    background: var(--lb-stripe);
    font-weight: 600;
  }
  [role='tab'][aria-selected='true'] {
    background: #fff;
    color: var(--lb-accent);
    border-color: var(--lb-accent);
    border-bottom: 3px solid #fff;
    margin-bottom: -1px;
  }
  [role='tabpanel'] {
    padding-top: 0.25rem;
  }
  [role='tabpanel']:focus {
    outline: none;
  }
  .live {
    min-height: 1.25rem;
    margin: 0.25rem 0 0;
    color: var(--lb-muted);
    font-size: 0.9rem;
  }
  .live .lost {
    color: var(--lb-down);
  }
  .rules {
    margin-top: 1.5rem;
  }
  .rules h2,
  footer h2 {
    font-size: 1.1rem;
  }
  .rules ul {
    padding-left: 1.1rem;
  }
  footer {
    margin-top: 2rem;
    border-top: 1px solid var(--lb-border);
    padding-top: 1rem;
  }
  footer ul {
    list-style: none;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  footer .button,
  footer button {
    min-height: 40px;
    padding: 0.5rem 0.8rem;
  }
  .grand-total {
    margin: 1.25rem 0 0;
    font-size: 1.05rem;
  }
  .provenance {
    color: var(--lb-muted);
    font-size: 0.8rem;
    overflow-wrap: anywhere;
  }
  .embed-more {
    font-size: 0.9rem;
  }
  :host([embed]) h1 {
    font-size: 1.1rem;
    margin: 0.25rem 0;
  }
  .print-only {
    display: none;
  }
  @media (max-width: 640px) {
    header {
      padding-top: 0.5rem;
    }
    h1 {
      font-size: 1.05rem;
      margin: 0.2rem 0;
    }
    .meta {
      font-size: 0.9rem;
    }
    [role='tab'] {
      padding: 0.4rem 0.7rem;
    }
    .tab-name {
      display: none;
    }
    .sample {
      padding: 0.35rem 0.5rem;
      font-size: 0.85rem;
    }
  }
  @media print {
    :host {
      max-width: none;
      padding: 0;
    }
    [role='tablist'],
    footer,
    .live,
    .skip,
    lb-language-switch,
    lb-unit-search,
    .rules {
      display: none !important;
    }
    header {
      border-bottom: 2px solid #000;
    }
    .print-only {
      display: block;
    }
    .panel-title.sr-only {
      position: static;
      width: auto;
      height: auto;
      margin: 1rem 0 0;
      overflow: visible;
      clip: auto;
      white-space: normal;
      font-size: 1.1rem;
    }
  }
`;
