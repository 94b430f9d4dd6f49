// Turns one run's measurements into the ratios (ours / theirs), the Markdown report and the printed summary.
const kb = (n) => (n == null ? '—' : `${(n / 1000).toFixed(1)} KB`);
const mb = (n) => (n == null ? '—' : `${(n / 1e6).toFixed(1)} MB`);
const pct = (x) => (x == null ? '—' : `${(x * 100).toFixed(1)}%`);
const ms = (n) => (n == null ? '—' : n < 10 ? `${n.toFixed(2)} ms` : `${n.toFixed(0)} ms`);
const ratio = (a, b) => (a == null || b == null || b === 0 ? null : a / b);
const x = (r) => (r == null ? '—' : `${r.toFixed(2)}×`);

/** `align`: one letter a column, l or r; by default the first column is text and the others numbers. */
function table(header, rows, align = 'l' + 'r'.repeat(header.length - 1)) {
  const rule = header.map((_, i) => (align[i] === 'r' ? ' ---: ' : ' --- ')).join('|');
  return [`| ${header.join(' | ')} |`, `|${rule}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** Ours / theirs, each from this run's numbers; a line per comparison with what is compared. */
export function computeRatios(results) {
  const out = [];
  const size = results.size;
  if (size) {
    const theirs = Object.fromEntries(size.theirs.filter((t) => !t.unavailable).map((t) => [t.id, t]));
    const ours = (name) => size.ours.files.find((f) => f.name === name) ?? size.ours.composites.find((c) => c.name.startsWith(name));
    const all = ours('dvc-kit.all.js');
    const page = ours('commune example page');
    const search = ours('loader + <dvc-service-search>');
    const add = (label, a, b, theirName) => b && out.push({ group: 'size', label, ours: a.gz, theirs: b.gz, theirName, unit: 'bytes min+gz', ratio: ratio(a.gz, b.gz) });
    if (all) add('all-in-one bundle vs SGDS, every component', all, theirs.sgds, theirs.sgds?.name);
    if (page) add('commune page (4 widgets) vs SGDS, every component', page, theirs.sgds, theirs.sgds?.name);
    if (search) add('loader + search widget vs Algolia Autocomplete JS', search, theirs.autocomplete, theirs.autocomplete?.name);
    if (search && theirs['pagefind-ui'] && theirs['pagefind-ui-css']) {
      const pagefind = { gz: theirs['pagefind-ui'].gz + theirs['pagefind-ui-css'].gz };
      add('loader + search widget vs Pagefind Default UI (JS + CSS, without its engine)', search, pagefind, 'Pagefind Default UI');
    }
    if (all) add('all-in-one bundle vs the floor (Lit + @lit/context + ky)', all, theirs.floor, theirs.floor?.name);
  }
  for (const catalogue of results.search?.catalogues ?? []) {
    const ours = catalogue.results.find((r) => r.engine === 'dvc-kit');
    for (const other of catalogue.results.filter((r) => r !== ours)) {
      out.push({ group: 'search', label: `top-3 on the ${catalogue.name} catalogue vs ${other.engine}`, ours: ours.top3, theirs: other.top3, ratio: ratio(ours.top3, other.top3), unit: 'top-3 rate' });
      out.push({ group: 'search', label: `MRR on the ${catalogue.name} catalogue vs ${other.engine}`, ours: ours.mrr, theirs: other.mrr, ratio: ratio(ours.mrr, other.mrr), unit: 'MRR' });
      out.push({ group: 'search', label: `median query time on the ${catalogue.name} catalogue vs ${other.engine}`, ours: ours.queryMedianMs, theirs: other.queryMedianMs, ratio: ratio(ours.queryMedianMs, other.queryMedianMs), unit: 'ms' });
    }
  }
  return out;
}

function sizeSection(size) {
  const row = (r) => [r.name, kb(r.min), kb(r.gz), kb(r.br)];
  const lines = ['## Size', '',
    'Bytes of each built file (already minified by the build), then gzip -9 and brotli -11 of it. Comparisons are bundled here',
    'with esbuild (browser, `production` condition, nothing external) and minified with terser using our build\'s options.', '',
    '### dvc-kit CDN files (every file the two entries can reach)', '', table(['file', 'min', 'min+gzip', 'min+brotli'], size.ours.files.map(row)), '',
    '### What a page downloads (loader + the chunk of each tag used + their static imports)', '', table(['page uses', 'min', 'min+gzip', 'min+brotli'], size.ours.composites.map(row)), '',
    '### Comparable published packages', '',
    table(['package', 'version', 'min', 'min+gzip', 'min+brotli', 'what is counted'], size.theirs.map((t) => t.unavailable
      ? [t.name, '—', '—', '—', '—', `unavailable: ${t.unavailable}`]
      : [t.name, t.version ?? 'ours', kb(t.min), kb(t.gz), kb(t.br), t.note]), 'llrrrl'),
  ];
  if (size.ours.staleChunks) lines.push('', `(${size.ours.staleChunks} chunk files of earlier builds in dist/cdn/chunks were not counted: no entry reaches them.)`);
  if (size.ours.missingTags.length) lines.push('', `Tags the built loader does not list: ${size.ours.missingTags.join(', ')}.`);
  return lines.join('\n');
}

function searchSection(search) {
  const lines = ['## Search quality', '',
    'The public evaluation set (`packages/reference-api/test/fixtures/queries.json`): a query succeeds at k when an expected',
    'code is among the first k results; MRR is the mean of 1/rank (0 when absent from the first 10). Every engine indexes the',
    'same two fields (name, code) of the same procedures; MiniSearch, Fuse.js and FlexSearch run with their default settings.',
    'Query time: one pass over the set after a 10-query warm-up, in this process.'];
  for (const c of search.catalogues) {
    lines.push('', `### ${c.name} catalogue: ${c.procedures.toLocaleString('en')} procedures, ${c.queries} of ${c.totalQueries} queries answerable`, '',
      table(['engine', 'top-1', 'top-3', 'top-10', 'MRR', 'index build', 'query median', 'query p95'],
        c.results.map((r) => [r.engine, pct(r.top1), pct(r.top3), pct(r.top10), r.mrr.toFixed(3), ms(r.buildMs), ms(r.queryMedianMs), ms(r.queryP95Ms)])));
    const kinds = Object.keys(c.results[0].byKind);
    lines.push('', 'Top-3 by kind of query:', '',
      table(['kind', 'n', ...c.results.map((r) => r.engine)], kinds.map((k) => [k, String(c.results[0].byKind[k].queries), ...c.results.map((r) => pct(r.byKind[k]?.top3))])));
  }
  if (!search.provincePresent) lines.push('', 'The province catalogue (../shared/data/catalog-province.csv) is not on this machine: only the sample was measured.');
  if (search.missingEngines.length) lines.push('', `Not measured (package unavailable): ${search.missingEngines.join(', ')}.`);
  return lines.join('\n');
}

function apiSection(api) {
  const lines = ['## API under load', '',
    `autocannon against the reference server in its own process (SQLite store in a temp dir, rate limits raised), loopback,`,
    `${api.seconds} s per row after a 1 s warm-up per endpoint. Latency percentiles are over every response of the row.`,
    'Search cycles through 20 evaluation queries; detail through 50 codes; lookups through 20 demo dossiers with their',
    'correct (fake) ID numbers; every survey post carries a new Idempotency-Key, so each one is a committed write.'];
  for (const r of api.results) {
    lines.push('', `### ${r.catalog} catalogue (${r.procedures.toLocaleString('en')} procedures)`, '',
      `Server ready (catalogue parsed and indexed, store opened) in ${ms(r.readyMs)}. Memory: RSS ${mb(r.memory.idle.rss)} idle, `
      + `${mb(r.memory.afterLoad.rss)} after the load, peak ${mb(r.memory.afterLoad.maxRss)}; JS heap ${mb(r.memory.idle.heapUsed)} idle.`, '',
      table(['endpoint', 'connections', 'req/s', 'p50', 'p95', 'p99', 'max', 'failed'],
        r.rows.map((row) => [row.label, String(row.connections), row.rps.toFixed(0), ms(row.p50), ms(row.p95), ms(row.p99), ms(row.max), String(row.failed)])));
  }
  return lines.join('\n');
}

function widgetsSection(w) {
  const { loopback, slow4g } = w.cold;
  const bytes = Object.entries(loopback.bytes).map(([kind, b]) => [kind, String(b.requests), kb(b.bytes)]);
  const vp = (name) => `${w.viewports[name].width}×${w.viewports[name].height}`;
  return ['## Widgets in Chromium', '',
    `The commune example page (\`${w.page}\`, served by the reference server as \`npm start\` serves it) in headless Chromium over CDP.`,
    'A widget counts as rendered when it shows something usable: the search box, the lookup form, the survey\'s first question',
    '(which needs the form from the API). Cold loads use a fresh profile with the cache disabled.', '',
    '### Cold load', '',
    table(['', 'first widget', 'all three', 'search', 'tracker', 'survey', 'first contentful paint', 'CLS'], [
      [`loopback (median of ${loopback.runs}: ${Object.keys(w.viewports).map(vp).join(', ')})`, ms(loopback.firstWidgetMs), ms(loopback.allWidgetsMs),
        ms(loopback.renderedMs['dvc-service-search']), ms(loopback.renderedMs['dvc-dossier-tracker']), ms(loopback.renderedMs['dvc-satisfaction-survey']), ms(loopback.fcpMs), loopback.cls.toFixed(3)],
      [`slow 4G on a phone (${vp('phone')}; 150 ms RTT, 1.6 Mbit/s; median of ${slow4g.runs})`, ms(slow4g.firstWidgetMs), ms(slow4g.allWidgetsMs),
        ms(slow4g.renderedMs['dvc-service-search']), ms(slow4g.renderedMs['dvc-dossier-tracker']), ms(slow4g.renderedMs['dvc-satisfaction-survey']), ms(slow4g.fcpMs), slow4g.cls.toFixed(3)],
    ]), '',
    `Layout shift while loading by viewport: ${Object.entries(loopback.clsByViewport).map(([v, c]) => `${v} ${c.toFixed(3)}`).join(', ')} (shifts outside the viewport do not count).`, '',
    `Bytes on the wire (headers included), ${loopback.requests} requests, ${kb(loopback.totalBytes)} in all, as the reference server sends them`,
    '(each static file compressed once, at the best level; API answers compressed per request).', '',
    table(['kind', 'requests', 'bytes'], bytes), '',
    '### Typing', '',
    `${w.typing.queries} queries typed into the search box at ${w.typingDelayMs} ms a key (after clearing it), desktop viewport. Latency: last keystroke to the`,
    `frame after the results are rendered; it includes the ${w.debounceMs} ms debounce, shown also without it.`, '',
    table(['', 'median', 'p95', 'max'], [
      ['keystroke → results', ms(w.typing.medianMs), ms(w.typing.p95Ms), ms(w.typing.maxMs)],
      [`the same minus the ${w.debounceMs} ms debounce`, ms(w.typing.medianAfterDebounceMs), ms(w.typing.p95AfterDebounceMs), ms(w.typing.maxMs == null ? null : w.typing.maxMs - w.debounceMs)],
    ]), '',
    `Long tasks (> 50 ms) while typing (${w.typing.typingSeconds.toFixed(1)} s): ${w.typing.longTasks.count}, longest ${ms(w.typing.longTasks.maxMs)}, total ${ms(w.typing.longTasks.totalMs)}.`
      + (w.typing.timedOut ? ` ${w.typing.timedOut} queries never showed results within 10 s.` : ''), '',
    '### Memory', '',
    `JS heap (used, after a forced garbage collection) after 10 searches: ${mb(w.heap.after10)}; after 1,000: ${mb(w.heap.after1000)}`
      + ` (${w.heap.growth >= 0 ? '+' : ''}${kb(w.heap.growth)}, ${w.heap.perSearch.toFixed(0)} bytes a search). Searches went through the form's submit`
      + ` (no debounce), cycling the evaluation queries, at ${w.heap.searchesPerSecond.toFixed(0)} a second${w.heap.failed ? `; ${w.heap.failed} got no results` : ''}.`,
  ].join('\n');
}

function ratiosSection(ratios) {
  if (!ratios.length) return '';
  const value = (r, v) => (r.unit === 'bytes min+gz' ? kb(v) : r.unit === 'ms' ? ms(v) : r.unit === 'MRR' ? v.toFixed(3) : pct(v));
  return ['## Ours / theirs', '', 'Measured in this run. Size: smaller is better (below 1× means ours is smaller). Quality: above 1× means ours finds more. Time: below 1× means ours is faster.', '',
    table(['comparison', 'ours', 'theirs', 'ours / theirs'], ratios.map((r) => [r.label, value(r, r.ours), value(r, r.theirs), x(r.ratio)]))].join('\n');
}

export function markdown(report) {
  const m = report.machine;
  const parts = ['# dvc-kit benchmark report',
    `${report.startedAt} · commit ${report.commit} · ${m.cpus} × ${m.cpuModel} · Node ${m.node}${m.chromium ? ` · ${m.chromium}` : ''} · `
      + `load average ${m.loadStart} at the start, ${m.loadEnd} at the end · run took ${report.seconds.toFixed(0)} s`,
    'Reproduce: `npm run bench` (writes this file and report.json to bench/results/). Other work on the machine shows up\n'
      + 'as noise in the timings; sizes and search quality do not depend on it.'];
  if (report.errors.length) parts.push('**Sections that failed:** ' + report.errors.map((e) => `${e.section}: ${e.message}`).join('; '));
  parts.push(ratiosSection(report.ratios));
  if (report.results.size) parts.push(sizeSection(report.results.size));
  if (report.results.search) parts.push(searchSection(report.results.search));
  if (report.results.api) parts.push(apiSection(report.results.api));
  if (report.results.widgets) parts.push(widgetsSection(report.results.widgets));
  if (report.skipped.length) parts.push('## Not measured\n\n' + report.skipped.map((s) => `- ${s}`).join('\n'));
  return parts.filter(Boolean).join('\n\n') + '\n';
}

/** The lines printed at the end of a run: the numbers a reader looks for first. */
export function summary(report) {
  const lines = [];
  const { size, search, api, widgets } = report.results;
  if (size) {
    const get = (n) => size.ours.files.find((f) => f.name === n) ?? size.ours.composites.find((c) => c.name.startsWith(n));
    lines.push(`size      loader ${kb(get('dvc-kit.js')?.gz)}, all-in-one ${kb(get('dvc-kit.all.js')?.gz)}, loader + search ${kb(get('loader + <dvc-service-search>')?.gz)}, commune page ${kb(get('commune example page')?.gz)} (min+gzip)`);
  }
  if (search) {
    for (const c of search.catalogues) {
      lines.push(`search    ${c.name} (${c.procedures} procedures, ${c.queries} queries): ` + c.results.map((r) => `${r.engine} top-3 ${pct(r.top3)} MRR ${r.mrr.toFixed(3)}`).join(' · '));
    }
  }
  if (api) {
    for (const r of api.results) {
      const pick = (name, c) => r.rows.find((row) => row.scenario === name && row.connections === c);
      const c = api.concurrencies.at(-2) ?? api.concurrencies[0];
      lines.push(`api       ${r.catalog} at ${c} connections: ` + ['search', 'detail', 'lookup', 'survey'].map((n) => {
        const row = pick(n, c);
        return row ? `${n} ${row.rps.toFixed(0)}/s p95 ${ms(row.p95)}` : null;
      }).filter(Boolean).join(' · ') + `; RSS ${mb(r.memory.afterLoad.rss)}`);
    }
  }
  if (widgets) {
    const { loopback, slow4g } = widgets.cold;
    lines.push(`widgets   first widget ${ms(loopback.firstWidgetMs)} loopback, ${ms(slow4g.firstWidgetMs)} slow 4G; ${kb(loopback.totalBytes)} on the wire; CLS ${loopback.cls.toFixed(3)}`);
    lines.push(`widgets   keystroke → results median ${ms(widgets.typing.medianMs)} (${ms(widgets.typing.medianAfterDebounceMs)} after debounce), ${widgets.typing.longTasks.count} long tasks; heap ${mb(widgets.heap.after10)} → ${mb(widgets.heap.after1000)} after 1,000 searches`);
  }
  for (const r of report.ratios.filter((r) => r.group === 'size' || /top-3/.test(r.label))) lines.push(`ratio     ${r.label}: ${x(r.ratio)}`);
  for (const e of report.errors) lines.push(`FAILED    ${e.section}: ${e.message}`);
  return lines.join('\n');
}
