import { html, nothing, type TemplateResult } from 'lit';
import { icon } from '../base/icons.ts';
import { alertView } from '../base/views.ts';

/** One invalid field of a form: where it is (`#id`), what is wrong, and how to focus it. */
export interface FieldProblem {
  id: string;
  message: string;
  focus: () => void;
}

/** The list of a form's problems, shown above it after a submit; each entry moves focus to its field. */
export function errorSummaryView(title: string, problems: FieldProblem[]): TemplateResult | typeof nothing {
  if (!problems.length) return nothing;
  return alertView('danger', title, '', html`<ul>${problems.map((p) => html`<li><a href="#${p.id}"
    @click=${(e: Event) => { e.preventDefault(); p.focus(); }}>${p.message}</a></li>`)}</ul>`, 'error-summary');
}

/** A field's own error line, `id`-ed so the field can point at it with `aria-describedby`; the prefix is read, not seen. */
export function fieldErrorView(id: string, prefix: string, message: string): TemplateResult {
  return html`<p class="field-error" id=${id}>${icon('danger')}<span><span class="visually-hidden">${prefix}</span> ${message}</span></p>`;
}
