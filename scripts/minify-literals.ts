// Rollup plugin: minifies the static text of Lit's `html`, `svg` and `css` tagged templates in our own sources,
// which terser leaves untouched. Conservative on purpose: whitespace runs shrink to one space (or to the newlines
// they held, so line numbers and the source maps that follow stay right), never away, so no text node or inline
// gap changes meaning; the content of <pre> and <textarea> and CSS strings are left as written.
// CSS also loses comments and the spaces around its punctuation.
import ts from 'typescript';
import type { Plugin } from 'rollup';

const TAGS = new Set(['html', 'svg', 'css']);
// Joins the pieces of a template while they are minified together; never present in our sources.
const HOLE = '\u0000';

/** A run of whitespace becomes the newlines it contained, or one space. */
function squeeze(run: string): string {
  const newlines = run.replace(/[^\n]/g, '');
  return newlines || ' ';
}

export function minifyHtml(text: string): string {
  // Whitespace inside <pre>/<textarea> is content.
  return text.replace(/(<(pre|textarea)\b[^]*?<\/\2>)|([^<]+|<)/gi, (whole: string, kept: string | undefined) => kept ?? whole.replace(/\s+/g, squeeze));
}

export function minifyCss(text: string): string {
  return text.replace(/('(?:[^'\\]|\\[^])*'|"(?:[^"\\]|\\[^])*")|\/\*[^]*?\*\/|([^'"/]+|\/)/g, (whole: string, string: string | undefined, code: string | undefined) => {
    if (string) return string;
    if (code === undefined) return whole.replace(/[^\n]/g, ''); // a comment: keep its line breaks only
    return code
      .replace(/\s+/g, squeeze)
      // Spaces around punctuation; never around + and - (calc) and never before ':' (`a :hover` is a descendant).
      .replace(/ ?([{};,>]) ?/g, '$1')
      .replace(/: /g, ':')
      .replace(/ !important/g, '!important')
      .replace(/([\s:,(])0\.(\d)/g, '$1.$2')
      .replace(/;(\s*)}/g, '$1}');
  });
}

function pieces(template: ts.TemplateLiteral): [number, number][] {
  // [start, end) of each static piece's text, inside the backticks, `}` and `${`.
  if (ts.isNoSubstitutionTemplateLiteral(template)) return [[template.getStart() + 1, template.end - 1]];
  return [template.head, ...template.templateSpans.map((s) => s.literal)].map((p): [number, number] =>
    [p.getStart() + 1, p.end - (ts.isTemplateTail(p) ? 1 : 2)]);
}

/** Minify every `html`/`svg`/`css` template in one TypeScript or JavaScript module; null when nothing changed. */
export function minifyTemplates(code: string, fileName = 'module.ts'): string | null {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true);
  const edits: [number, number, string][] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && TAGS.has(node.tag.text)) {
      const ranges = pieces(node.template);
      const joined = ranges.map(([s, e]) => code.slice(s, e)).join(HOLE);
      const minified = (node.tag.text === 'css' ? minifyCss : minifyHtml)(joined).split(HOLE);
      if (minified.length !== ranges.length) throw new Error(`minify-literals: template pieces lost in ${fileName}`);
      ranges.forEach(([s, e], i) => edits.push([s, e, minified[i]!]));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (!edits.length) return null;
  let out = '';
  let at = 0;
  for (const [s, e, text] of edits.sort((a, b) => a[0] - b[0])) {
    out += code.slice(at, s) + text;
    at = e;
  }
  return out + code.slice(at);
}

/** `include`: which module ids to minify (default: the workspace packages' TypeScript sources). */
export default function minifyLiterals({ include = /\/packages\/[^/]+\/src\/.*\.ts$/ }: { include?: RegExp } = {}): Plugin {
  return {
    name: 'minify-literals',
    transform(code: string, id: string) {
      if (!include.test(id)) return null;
      const out = minifyTemplates(code, id);
      // Line breaks are kept, so the module's lines (and the maps built on them) do not move.
      return out === null ? null : { code: out, map: null };
    },
  };
}
