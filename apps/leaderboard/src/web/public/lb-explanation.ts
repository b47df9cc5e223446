import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import type { Explanation, ExplanationStep } from '@thidua/scoring';
import type { RoundNote } from '../../contract.js';
import { formatApproximate, formatDecimal, formatFormula } from '../format.js';
import { type Locale, messages, pick } from '../i18n.js';
import { sharedStyles } from '../styles.js';

/**
 * One unit's working as the library's `explain` gives it: the metrics, then the criteria as a tree
 * (each node with its maximum, its formula in the unit's own numbers, its value, the assessors'
 * comment and the sentence of the document it comes from), the adjustments and the published
 * score; then the conditions with the unit's numbers. What a person would redo by hand.
 */
export class LbExplanation extends LitElement {
  static override properties = {
    explanation: { attribute: false },
    locale: {},
    scorecard: { type: Boolean },
    notes: { attribute: false },
  };

  declare explanation: Explanation | null;
  /** An index round's explanations, answers and published evidence, by criterion (empty otherwise). */
  declare notes: RoundNote[];
  declare locale: Locale;
  /** Drawn as a scorecard: each criterion with parts opens and closes (every task, collapsible). */
  declare scorecard: boolean;

  constructor() {
    super();
    this.explanation = null;
    this.locale = 'vi';
    this.scorecard = false;
    this.notes = [];
  }

  static override styles = [
    sharedStyles,
    css`
      ol {
        list-style: none;
        padding-left: 0;
        margin: 0;
      }
      ol ol {
        padding-left: 1rem;
        border-left: 2px solid var(--lb-border);
        margin-left: 0.35rem;
      }
      li {
        margin: 0.5rem 0;
      }
      .head {
        font-weight: 600;
      }
      .max {
        color: var(--lb-muted);
        font-weight: 400;
        font-size: 0.9rem;
      }
      code {
        font-family: ui-monospace, 'Cascadia Mono', Menlo, Consolas, monospace;
        background: var(--lb-stripe);
        padding: 0.1rem 0.3rem;
        border-radius: 4px;
        overflow-wrap: anywhere;
      }
      .na {
        color: var(--lb-muted);
        font-style: italic;
      }
      .comment,
      .stated,
      .note {
        font-size: 0.92rem;
      }
      .disagreements {
        list-style: none;
        margin: 0.25rem 0 0;
        padding: 0.2rem 0.4rem;
        color: var(--lb-warn-text);
        background: var(--lb-warn-bg);
        border-radius: 4px;
        font-size: 0.92rem;
      }
      details > summary {
        cursor: pointer;
        min-height: 24px;
      }
      details > summary .head {
        display: inline;
      }
      .fold-points {
        font-weight: 700;
      }
      .stated.differs {
        color: var(--lb-warn-text);
        background: var(--lb-warn-bg);
        padding: 0 0.25rem;
        border-radius: 4px;
      }
      blockquote {
        margin: 0.3rem 0 0;
        padding: 0.2rem 0.6rem;
        border-left: 4px solid var(--lb-border);
        color: var(--lb-muted);
        font-size: 0.9rem;
      }
      blockquote cite {
        display: block;
        font-style: normal;
        font-weight: 600;
      }
      h3 {
        font-size: 1.05rem;
        margin: 1rem 0 0.25rem;
      }
      .met {
        color: var(--lb-up);
      }
      .not-met {
        color: var(--lb-down);
      }
    `,
  ];

  private quote(step: { citation: ExplanationStep['citation'] }) {
    const c = step.citation;
    if (!c) return nothing;
    const t = messages(this.locale).unit;
    const english = this.locale === 'en' && c.textEn;
    return html`<blockquote lang=${english ? 'en' : 'vi'}><cite>${t.source(c.section)}</cite>«${english ? c.textEn : c.text}»</blockquote>`;
  }

  private step(step: ExplanationStep, children: TemplateResult[]) {
    const t = messages(this.locale).unit;
    const name = `${step.number ? `${step.number}. ` : ''}${pick(step.label, this.locale)}`;
    const max =
      step.max === null
        ? nothing
        : html` <span class="max">(${step.countedMax !== null && Number(step.countedMax) !== Number(step.max) ? t.countedMax(formatDecimal(step.countedMax, this.locale), formatDecimal(step.max, this.locale)) : t.max(formatDecimal(step.max, this.locale))})</span>`;
    const stated = step.stated !== null && step.value !== null && Number(step.stated) !== Number(step.value);
    const head = html`<div class="head">${name}${max}${this.scorecard && children.length ? this.points(step) : nothing}</div>`;
    const body = html`${step.notApplicable
        ? html`<div class="na">${t.notApplicable}</div>`
        : html`<div>
            ${step.formula === step.value ? nothing : html`<code>${formatFormula(step.formula, this.locale)}</code> = `}<strong class="value"
              >${this.valueText(step) ?? '—'}</strong
            >
          </div>`}
      ${step.note && !step.notApplicable ? html`<div class="note">${pick(step.note, this.locale)}</div>` : nothing}
      ${step.selfAssessed !== null ? html`<div class="stated">${t.selfAssessed(formatDecimal(step.selfAssessed, this.locale))}</div>` : nothing}
      ${step.stated !== null ? html`<div class="stated ${stated ? 'differs' : ''}">${t.stated(formatDecimal(step.stated, this.locale))}</div>` : nothing}
      ${step.comment ? html`<div class="comment">${t.comment}: ${step.comment}</div>` : nothing}
      ${this.roundNote(step.id)}
      ${step.disagreements.length
        ? html`<ul class="disagreements">
            ${step.disagreements.map((d) => html`<li><span aria-hidden="true">⚠ </span>${pick(d, this.locale)}</li>`)}
          </ul>`
        : nothing}
      ${this.quote(step)}
      ${children.length ? html`<ol>${children}</ol>` : nothing}`;
    // On a scorecard each criterion with parts is a fold, open: its points beside its name.
    return this.scorecard && children.length
      ? html`<li data-step=${step.id} class="fold">
          <details open>
            <summary>${head}</summary>
            ${body}
          </details>
        </li>`
      : html`<li data-step=${step.id}>${head}${body}</li>`;
  }

  /** An index round's explanation and answer of the criterion, and its evidence where published. */
  private roundNote(id: string) {
    const note = this.notes.find((n) => n.criterionId === id);
    if (!note) return nothing;
    const t = messages(this.locale).unit;
    return html`${note.explanation !== null ? html`<div class="comment round-explanation">${t.roundExplanation}: ${note.explanation}</div>` : nothing}
    ${note.answer ? html`<div class="comment round-answer">${t.roundAnswer(note.answer.outcome === 'changed')}: ${note.answer.reason}</div>` : nothing}
    ${note.evidence.length
      ? html`<div class="comment round-evidence">${t.roundEvidence}: ${note.evidence.map((f, i) => html`${i > 0 ? ', ' : ''}<a href=${f.url}>${f.name}</a>`)}</div>`
      : nothing}`;
  }

  /** A step's value as the page writes it ("≈ 69,5238" where the working cut it); null when it has none. */
  private valueText(step: ExplanationStep): string | null {
    if (step.value === null) return null;
    return step.exact ? formatDecimal(step.value, this.locale) : formatApproximate(step.value, this.locale);
  }

  /** A criterion's points, for the fold's heading: "— 49,97" (its maximum is beside its name). */
  private points(step: ExplanationStep) {
    const value = this.valueText(step);
    return value === null ? nothing : html` <span class="fold-points">— ${value}</span>`;
  }

  /** The criteria as a tree: each criterion with its children beneath it. */
  private tree(steps: ExplanationStep[]): TemplateResult[] {
    const children = new Map<string | null, ExplanationStep[]>();
    for (const s of steps) children.set(s.parent, [...(children.get(s.parent) ?? []), s]);
    const build = (s: ExplanationStep): TemplateResult => this.step(s, (children.get(s.id) ?? []).map(build));
    return (children.get(null) ?? []).map(build);
  }

  override render() {
    const e = this.explanation;
    if (!e) return nothing;
    const t = messages(this.locale);
    const metrics = e.steps.filter((s) => s.kind === 'metric');
    const criteria = e.steps.filter((s) => s.kind === 'criterion');
    const rest = e.steps.filter((s) => s.kind === 'adjustment' || s.kind === 'raw' || s.kind === 'score');
    return html`<ol class="steps">
        ${metrics.map((s) => this.step(s, []))} ${this.tree(criteria)} ${rest.map((s) => this.step(s, []))}
      </ol>
      ${e.conditions.length || e.targets.length
        ? html`<h3>${t.unit.conditionsTitle}</h3>
            <ul class="conditions">
              ${[...e.conditions, ...e.targets].map(
                (c) => html`<li>
                  <span class=${c.met ? 'met' : 'not-met'}>${c.met ? `✔ ${t.met}` : `✘ ${t.notMet}`}</span> — ${pick(c.label, this.locale)}:
                  <code>${formatFormula(c.formula, this.locale)}</code>${c.citation ? this.quote({ citation: c.citation }) : nothing}
                </li>`,
              )}
            </ul>`
        : nothing}
      ${e.warnings.length
        ? html`<h3>${t.unit.warnings}</h3>
            <ul class="warnings">
              ${e.warnings.map((w) => html`<li>${pick(w.message, this.locale)}</li>`)}
            </ul>`
        : nothing}`;
  }
}

if (!customElements.get('lb-explanation')) customElements.define('lb-explanation', LbExplanation);

declare global {
  interface HTMLElementTagNameMap {
    'lb-explanation': LbExplanation;
  }
}
