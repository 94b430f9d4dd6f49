// Search quality on the public evaluation set: our catalogue search beside MiniSearch, Fuse.js and FlexSearch,
// each with its default settings, indexing the same fields (name, code) of the same procedures.
import { existsSync, readFileSync } from 'node:fs';
import { createCatalogue, parseCatalogCsv, parseCatalogJson } from '@dvc-kit/reference-api';
import MiniSearch from 'minisearch';
import { evaluate } from '../../packages/reference-api/src/catalog/evaluate.ts';

const TOP = 10;

/** Each engine: build an index over the procedures, return `q => codes in ranked order`. */
function engines(load) {
  const docs = (procedures) => procedures.map((p, id) => ({ id, name: p.name, code: p.code }));
  const list = [
    {
      name: 'dvc-kit',
      build(procedures) {
        const catalogue = createCatalogue(procedures);
        return (q) => catalogue.search({ q, pageSize: TOP }).items.map((i) => i.code);
      },
    },
    {
      name: 'MiniSearch',
      build(procedures) {
        const index = new MiniSearch({ fields: ['name', 'code'] });
        index.addAll(docs(procedures));
        return (q) => index.search(q).slice(0, TOP).map((r) => procedures[r.id].code);
      },
    },
  ];
  const Fuse = load('fuse.js');
  if (Fuse) {
    list.push({
      name: 'Fuse.js',
      build(procedures) {
        const fuse = new Fuse(docs(procedures), { keys: ['name', 'code'] });
        return (q) => fuse.search(q, { limit: TOP }).map((r) => r.item.code);
      },
    });
  }
  const FlexSearch = load('flexsearch');
  if (FlexSearch) {
    list.push({
      name: 'FlexSearch',
      build(procedures) {
        const index = new FlexSearch.Document({ document: { id: 'id', index: ['name', 'code'] } });
        for (const doc of docs(procedures)) index.add(doc);
        // `merge` is FlexSearch's own way of ranking one list across the fields.
        return (q) => index.search(q, { limit: TOP, merge: true }).map((r) => procedures[r.id].code);
      },
    });
  }
  return list;
}

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : null;
}

function runEngine(engine, procedures, queries) {
  let started = performance.now();
  const search = engine.build(procedures);
  const buildMs = performance.now() - started;
  for (const { q } of queries.slice(0, 10)) search(q);
  // One timed pass that is also the scored one: Fuse.js takes a tenth of a second a query on the province.
  const times = [];
  const result = evaluate(queries, (q) => {
    started = performance.now();
    const codes = search(q);
    times.push(performance.now() - started);
    return codes;
  });
  times.sort((a, b) => a - b);
  return {
    engine: engine.name,
    queries: result.queries,
    top1: result.top1, top3: result.top3, top10: result.top10, mrr: result.mrr,
    byKind: result.byKind,
    buildMs,
    queryMedianMs: percentile(times, 0.5),
    queryP95Ms: percentile(times, 0.95),
  };
}

export function measureSearch({ queriesFile, sampleFile, provinceCsv, load }) {
  const queries = JSON.parse(readFileSync(queriesFile, 'utf8'));
  const list = engines(load);
  const catalogues = [{ name: 'sample', procedures: parseCatalogJson(readFileSync(sampleFile, 'utf8')) }];
  if (provinceCsv && existsSync(provinceCsv)) catalogues.push({ name: 'province', procedures: parseCatalogCsv(readFileSync(provinceCsv, 'utf8')) });
  return {
    engines: list.map((e) => e.name),
    missingEngines: ['Fuse.js', 'FlexSearch'].filter((n) => !list.some((e) => e.name === n)),
    provincePresent: catalogues.length > 1,
    catalogues: catalogues.map(({ name, procedures }) => {
      // The province lists only some of the sample's procedures: score the queries it can answer.
      const codes = new Set(procedures.map((p) => p.code));
      const answerable = queries.filter((q) => q.expect.some((code) => codes.has(code)));
      return {
        name,
        procedures: procedures.length,
        queries: answerable.length,
        totalQueries: queries.length,
        results: list.map((engine) => runEngine(engine, procedures, answerable)),
      };
    }),
  };
}
