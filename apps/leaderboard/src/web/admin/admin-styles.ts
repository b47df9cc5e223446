import { css } from 'lit';

/** The admin page's sections, forms, notices and confirmations. */
export const adminStyles = css`
  section {
    border: 1px solid var(--lb-border);
    border-radius: 8px;
    padding: 0.75rem 1rem 1rem;
    margin-top: 1rem;
  }
  h2 {
    margin: 0 0 0.5rem;
    font-size: 1.15rem;
  }
  h3 {
    margin: 0.75rem 0 0.25rem;
    font-size: 1rem;
  }
  label {
    display: block;
    font-weight: 600;
    margin: 0.5rem 0 0.25rem;
  }
  input[type='password'],
  input[type='text'],
  input[type='date'],
  input[type='file'],
  select {
    font: inherit;
    padding: 0.35rem 0.5rem;
    min-height: 36px;
    border: 1px solid #6b7580;
    border-radius: 6px;
    max-width: 100%;
  }
  /* A fieldset is as wide as its widest content by default (a campaign's long title in a select):
     held to the page's width, with its selects shrinking to fit a phone. */
  fieldset {
    min-width: 0;
    max-width: 100%;
    box-sizing: border-box;
  }
  .row > select {
    flex: 1 1 12rem;
    min-width: 0;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    margin-top: 0.5rem;
  }
  button,
  .button {
    min-height: 36px;
  }
  .hint {
    color: var(--lb-muted);
    font-size: 0.9rem;
  }
  .notice {
    padding: 0.5rem 0.75rem;
    border-radius: 6px;
    margin: 0.5rem 0 0;
  }
  .notice:focus {
    outline: 2px solid var(--lb-accent);
    outline-offset: 2px;
  }
  .notice.ok {
    background: #e6f4ea;
    color: var(--lb-up);
  }
  .notice.error {
    background: #fce8e6;
    color: var(--lb-down);
  }
  .notice.warn,
  .banner {
    background: var(--lb-warn-bg);
    color: var(--lb-warn-text);
  }
  .banner {
    padding: 0.6rem 0.75rem;
    border-radius: 6px;
    margin: 0.75rem 0 0;
  }
  .banner.final {
    background: #e2f0d9;
    color: #0b5a1e;
  }
  .secret {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 1.05rem;
    background: #f3f5f7;
    padding: 0.35rem 0.5rem;
    border-radius: 4px;
    user-select: all;
    word-break: break-all;
  }
  .state {
    font-weight: 600;
  }
  .state.live {
    color: var(--lb-up);
  }
  .state.pending {
    color: var(--lb-warn-text);
  }
  .state.replaced,
  .state.retracted {
    color: var(--lb-muted);
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: left;
    padding: 0.35rem 0.5rem;
    border-bottom: 1px solid var(--lb-border);
    vertical-align: top;
  }
  td.num,
  th.num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .scroll {
    overflow-x: auto;
  }
  ol.audit {
    list-style: none;
    padding: 0;
    margin: 0.5rem 0 0;
  }
  ol.audit li {
    padding: 0.35rem 0;
    border-bottom: 1px solid var(--lb-border);
  }
  ol.audit li.refused {
    color: var(--lb-down);
  }
  ol.audit time {
    font-variant-numeric: tabular-nums;
    color: var(--lb-muted);
  }
  ol.audit h3 {
    margin-top: 0.75rem;
  }
  .confirm {
    background: var(--lb-warn-bg);
    color: var(--lb-warn-text);
    padding: 0.5rem 0.75rem;
    border-radius: 6px;
    margin-top: 0.5rem;
  }
  button.danger {
    border-color: var(--lb-down);
    color: var(--lb-down);
  }
  button.danger.primary {
    background: var(--lb-down);
    color: #fff;
  }
  tr.retracted td,
  tr.retracted th {
    color: var(--lb-muted);
    text-decoration: line-through;
  }
  pre {
    white-space: pre-wrap;
    margin: 0;
    font-size: 0.8rem;
  }
  @media (max-width: 480px) {
    section {
      padding: 0.5rem 0.6rem 0.75rem;
    }
  }
`;
