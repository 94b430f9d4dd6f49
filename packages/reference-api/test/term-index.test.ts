// The search's term scores are MiniSearch's, to the last bit (and, when asked, in its order): rankings were tuned on them.
// Checked against MiniSearch itself, indexing the sample catalogue the way the search did before it kept its own
// precomputed scores (and, when this machine has it, the province catalogue too).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import { parseCatalogCsv, parseCatalogJson, type CatalogProcedure } from '../src/catalog/index.ts';
import { indexTerms } from '../src/catalog/query.ts';
import { TermIndex } from '../src/catalog/term-index.ts';

const FIELDS = ['name', 'field', 'agencies', 'extra'];
const BOOSTS = [3, 1, 0.5, 0.5];
const sampleFile = fileURLToPath(new URL('../data/catalog.json', import.meta.url));
const provinceCsv = process.env.DVC_PROVINCE_CSV ?? resolve(fileURLToPath(new URL('../../../', import.meta.url)), '../shared/data/catalog-province.csv');

function documents(procedures: readonly CatalogProcedure[]): string[][][] {
  return procedures.map((p) => [
    indexTerms(p.name),
    indexTerms(p.field),
    p.agencies.flatMap(indexTerms),
    [...p.results, ...p.subjects].flatMap(indexTerms),
  ]);
}

function miniSearch(docs: readonly string[][][]): MiniSearch {
  const search = new MiniSearch({ fields: FIELDS, storeFields: [], tokenize: (text) => text.split(' '), processTerm: (term) => term || null });
  search.addAll(docs.map((fields, id) => ({ id, ...Object.fromEntries(FIELDS.map((f, i) => [f, fields[i]!.join(' ')])) })));
  return search;
}

/** Every indexed word, and every beginning of one from two letters (what a citizen has typed so far). */
function probes(docs: readonly string[][][]): string[] {
  const words = new Set(docs.flat(2));
  const prefixes = new Set([...words].flatMap((w) => Array.from({ length: w.length - 1 }, (_, i) => w.slice(0, i + 2))));
  return [...prefixes, 'khongcotrongdanhmuc'];
}

function assertSameScores(procedures: readonly CatalogProcedure[], every = 1): number {
  const docs = documents(procedures);
  const reference = miniSearch(docs);
  const index = new TermIndex(docs, BOOSTS);
  const boost = Object.fromEntries(FIELDS.map((f, i) => [f, BOOSTS[i]!]));
  const terms = probes(docs).filter((_, i) => i % every === 0);
  for (const term of terms) {
    for (const prefix of [false, true]) {
      const expected = reference.search(term, { prefix, fuzzy: false, boost }).map((r) => [r.id as number, r.score]);
      assert.deepEqual([...index.scores(term, prefix, true)], expected, `${term}${prefix ? '*' : ''}`);
      const unordered = [...index.scores(term, prefix)].sort(([a], [b]) => a - b);
      assert.deepEqual(unordered, expected.sort(([a], [b]) => a! - b!), `${term}${prefix ? '*' : ''}, unordered`);
    }
  }
  return terms.length;
}

test('term scores and their order are exactly what MiniSearch gives, for every word and beginning of a word (sample catalogue)', () => {
  const probed = assertSameScores(parseCatalogJson(readFileSync(sampleFile, 'utf8')));
  assert.ok(probed > 500, `${probed} terms probed`);
});

test('term scores match MiniSearch on the province catalogue too, when this machine has it', (t) => {
  if (!existsSync(provinceCsv)) {
    t.skip(`not present: ${provinceCsv}`);
    return;
  }
  const probed = assertSameScores(parseCatalogCsv(readFileSync(provinceCsv, 'utf8')));
  t.diagnostic(`${probed} terms probed`);
});

test('a word some indexed word begins with completes; others do not', () => {
  const index = new TermIndex([[['khai', 'sinh'], ['ho', 'tich'], [], []]], BOOSTS);
  assert.equal(index.completes('kh'), true);
  assert.equal(index.completes('khai'), true);
  assert.equal(index.completes('khaii'), false);
  assert.equal(index.completes('x'), false);
});
