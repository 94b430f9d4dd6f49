// The build's template minifier (scripts/minify-literals.ts): what it removes, and what it must never touch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { transform } from 'esbuild';
import { minifyCss, minifyHtml, minifyTemplates } from '../scripts/minify-literals.ts';

test('CSS loses comments and spaces but keeps strings, calc() operators and descendant pseudo-classes', () => {
  const out = minifyCss(`
    /* why this rule exists */
    .a > .b, .c { margin: 0 0.5em !important; width: calc(100% - 2em); }
    a[href]::after { content: ' (' attr(href) ')'; }
    .menu :focus-visible { outline: none; }
    /* a comment between rules */
    .x
    .y { grid-area: 1 / 2; }
  `);
  assert.doesNotMatch(out, /why this rule/);
  assert.match(out, /\.a>\.b,\.c\{margin:0 \.5em!important;width:calc\(100% - 2em\)\}/);
  assert.match(out, /content:' \(' attr\(href\) '\)'\}/);
  assert.match(out, /\.menu :focus-visible\{outline:none\}\.x \.y\{grid-area:1 \/ 2\}$/);
  assert.doesNotMatch(out, /\n/);
});

test('HTML whitespace shrinks to one space or its line breaks, never inside <pre> or <textarea>', () => {
  assert.equal(minifyHtml('<p>  a   <b>x</b>  </p>'), '<p> a <b>x</b> </p>');
  assert.equal(minifyHtml('<ul>\n    <li>x</li>\n\n    <li>y</li>\n  </ul>'), '<ul>\n<li>x</li>\n\n<li>y</li>\n</ul>');
  assert.equal(minifyHtml('<textarea>  two  spaces </textarea> <pre>\n   kept</pre>'), '<textarea>  two  spaces </textarea> <pre>\n   kept</pre>');
});

test('templates keep their expressions and the module keeps its lines', () => {
  const source = [
    "import { css, html } from 'lit';",
    'const styles = css`',
    '  :host { display: block; }',
    '`;',
    'const view = (items: string[]) => html`<ul class="list">',
    '    ${items.map((item) => html`<li>   ${item}   </li>`)}',
    '  </ul>`;',
    "const untouched = `  plain   ${'template'}  `;",
  ].join('\n');
  const out = minifyTemplates(source)!;
  assert.equal(out.split('\n').length, source.split('\n').length);
  // CSS loses its line breaks; they follow the template as JavaScript whitespace, so the lines after it stay put.
  assert.match(out, /css`:host\{display:block\}`\n\n;/);
  assert.match(out, /html`<li> \$\{item\} <\/li>`/);
  assert.match(out, /\$\{items\.map/);
  assert.ok(out.includes("const untouched = `  plain   ${'template'}  `;"));
  assert.equal(minifyTemplates("const x = 'no templates';"), null);
});

test('every element module still compiles after minification, and its styles get smaller', async () => {
  for (const element of ['procedure', 'service-search', 'dossier-tracker', 'satisfaction-survey']) {
    for (const file of [`dvc-${element}.ts`, 'styles.ts']) {
      const path = new URL(`../packages/elements/src/${element}/${file}`, import.meta.url);
      const source = readFileSync(path, 'utf8');
      const out = minifyTemplates(source, path.pathname);
      assert.ok(out !== null && out.length < source.length, `${element}/${file} shrinks`);
      assert.equal(out.split('\n').length, source.split('\n').length, `${element}/${file} keeps its lines`);
      await transform(out, { loader: 'ts', target: 'es2022' });
    }
  }
});
