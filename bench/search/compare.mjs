// Compares two client-side search libraries on a site's search documents: bundle size, index size, build and
// query time, typo support. Usage: node bench/search/compare.mjs SITE_DIR MINISEARCH_UMD FLEXSEARCH_BUNDLE
// (SITE_DIR holds search-index.json as written before the sharded index; the libraries are the npm packages'
// files, e.g. from `npm pack minisearch@7.2.0 flexsearch@0.8.212`).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import vm from 'node:vm';
// Each library runs as the browser loads it (its UMD or bundle file), setting a global.
function load(src, name) { const g = { console, setTimeout, clearTimeout }; g.self = g; g.window = g; vm.runInNewContext(src, g); return g[name]; }
const [site, miniPath, flexPath] = process.argv.slice(2);
const docs = JSON.parse(readFileSync(site + '/search-index.json', 'utf8')).pages
  .map((p, id) => ({ id, t: p.t, k: p.k, x: p.x || '' }));
const gz = (s) => gzipSync(Buffer.from(s)).length;
const kb = (n) => (n / 1024).toFixed(1) + ' KB';
const QUERIES = ['barcelona', 'barcelna', 'norway', 'munchen', 'lodz', 'st etienne', 'membership', 'b40', 'zz'];
function time(f, n = 200) {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) f();
  return Number(process.hrtime.bigint() - t0) / 1e6 / n;
}
function report(name, bundle, build, search, serialize) {
  let index;
  const buildMs = time(() => { index = build(); }, 5);
  const json = serialize(index);
  const q = QUERIES.map((w) => [w, search(index, w)]);
  const queryMs = time(() => QUERIES.forEach((w) => search(index, w)), 50) / QUERIES.length;
  console.log(`${name}: bundle ${kb(bundle.length)} (${kb(gz(bundle))} gzip); ${docs.length} documents, `
    + `index ${kb(json.length)} (${kb(gz(json))} gzip), built in ${buildMs.toFixed(1)} ms, `
    + `${queryMs.toFixed(3)} ms a query`);
  q.forEach(([w, r]) => console.log(`  ${w}: ${r.length} hits, first: ${r.length ? docs[r[0]].t : '-'}`));
}
const mini = readFileSync(miniPath, 'utf8');
const MiniSearch = load(mini, 'MiniSearch');
report('MiniSearch', mini,
  () => { const m = new MiniSearch({ fields: ['t', 'k', 'x'] }); m.addAll(docs); return m; },
  (m, w) => m.search(w, { prefix: true, fuzzy: (t) => (t.length >= 5 ? 1 : 0), combineWith: 'AND',
    boost: { t: 3, k: 2 } }).map((r) => r.id),
  (m) => JSON.stringify(m));
const flex = readFileSync(flexPath, 'utf8');
const FlexSearch = load(flex, 'FlexSearch');
report('FlexSearch', flex,
  () => { const d = new FlexSearch.Document({ document: { id: 'id', index: ['t', 'k', 'x'] }, tokenize: 'forward',
    encoder: 'LatinBalance' }); docs.forEach((x) => d.add(x)); return d; },
  (d, w) => [...new Set(d.search(w, { suggest: false }).flatMap((f) => f.result))],
  (d) => { const parts = []; d.export((k, v) => parts.push(k, v)); return parts.join(''); });
