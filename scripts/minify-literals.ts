// Rollup plugin: minifies the static text of Lit's `html`, `svg` and `css` tagged templates in our own sources,
// which terser leaves untouched. HTML is treated conservatively: whitespace runs shrink to one space (or to the
// newlines they held), never away, so no text node or inline gap changes meaning; the content of <pre> and
// <textarea> is left as written. CSS loses comments, line breaks and the spaces around its punctuation, but not its
// strings. Either way the module keeps its lines, so the source maps that follow stay right: the line breaks a CSS
// template loses are put back as JavaScript whitespace just after it (or after the `${` that ends a piece of it).
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

const CSS_PARTS = /('(?:[^'\\]|\\[^])*'|"(?:[^"\\]|\\[^])*")|\/\*[^]*?\*\/|([^'"/]+|\/)/g;

/** `minify` applied to the CSS outside its strings, without its comments. */
const outsideStrings = (text: string, minify: (code: string) => string) =>
  text.replace(CSS_PARTS, (comment: string, string: string | undefined, code: string | undefined) => string ?? (code === undefined ? '' : minify(code)));

export function minifyCss(text: string): string {
  // Comments go first, so the whitespace on both sides of one is squeezed as one run.
  return outsideStrings(outsideStrings(text, (code) => code), (code) => code
    .replace(/\s+/g, ' ')
    // Spaces around punctuation; never around + and - (calc) and never before ':' (`a :hover` is a descendant).
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/ !important/g, '!important')
    .replace(/([\s:,(])0\.(\d)/g, '$1.$2')
    .replace(/;}/g, '}')).trim();
}

/** [start, end) of each static piece's text, inside the backticks, `}` and `${`; `end` + its delimiter's length. */
function pieces(template: ts.TemplateLiteral): [number, number, string][] {
  if (ts.isNoSubstitutionTemplateLiteral(template)) return [[template.getStart() + 1, template.end - 1, '`']];
  return [template.head, ...template.templateSpans.map((s) => s.literal)].map((p): [number, number, string] => {
    const close = ts.isTemplateTail(p) ? '`' : '${';
    return [p.getStart() + 1, p.end - close.length, close];
  });
}

const lineBreaks = (text: string) => text.replace(/[^\n]/g, '');

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
      ranges.forEach(([s, e, close], i) => {
        const text = minified[i]!;
        const lost = lineBreaks(code.slice(s, e)).slice(lineBreaks(text).length);
        edits.push([s, e + close.length, text + close + lost]);
      });
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
