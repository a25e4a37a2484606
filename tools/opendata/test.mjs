// Run with `node --test` in tools/opendata (after `npm ci`).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import proj4 from 'proj4';
import { parse } from 'yaml';
import { candidates, judge, loadGeoNames } from './lib/geonames.mjs';
import { run } from './import.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const svg = readFileSync(join(here, '..', '..', 'templates', 'assets', 'europe.svg'), 'utf8');

/** Rings of absolute points from path data made of m, l and z with relative coordinates. */
function rings(d) {
  const tokens = d.match(/[mlzMLZ]|-?(?:\d+\.?\d*|\.\d+)/g);
  const out = []; let ring = null; let cmd = null; let x = 0; let y = 0; let sx = 0; let sy = 0;
  for (let i = 0; i < tokens.length;) {
    const t = tokens[i];
    if (/[mlz]/.test(t)) {
      cmd = t; i++;
      if (t === 'z') { x = sx; y = sy; ring = null; }
      continue;
    }
    assert.ok(cmd === 'm' || cmd === 'l', `path data uses only m, l and z, found ${cmd}`);
    x += Number(tokens[i]); y += Number(tokens[i + 1]); i += 2;
    if (cmd === 'm') { ring = [[x, y]]; out.push(ring); sx = x; sy = y; cmd = 'l'; } else ring.push([x, y]);
  }
  return out;
}

function insideAny(list, x, y) {
  let c = false;
  for (const r of list) {
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      if ((r[i][1] > y) !== (r[j][1] > y) && x < (r[j][0] - r[i][0]) * (y - r[i][1]) / (r[j][1] - r[i][1]) + r[i][0]) c = !c;
    }
  }
  return c;
}

/** Distance from a point to the nearest edge of the rings. */
function distance(list, x, y) {
  let best = Infinity;
  for (const r of list) {
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      const [ax, ay] = r[j]; const [bx, by] = r[i];
      const len2 = (bx - ax) ** 2 + (by - ay) ** 2;
      const t = len2 ? Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / len2)) : 0;
      best = Math.min(best, Math.hypot(x - ax - t * (bx - ax), y - ay - t * (by - ay)));
    }
  }
  return best;
}

const attr = (name) => svg.match(new RegExp(`<svg[^>]* ${name}="([^"]*)"`))[1];
const path = (id) => rings(svg.match(new RegExp(`<path id="${id}" d="([^"]*)"`))[1]);

/** Places a position with only what the SVG says about itself, as the Java build does. */
function place(lon, lat) {
  const [s, tx, ty] = attr('data-transform').split(' ').map(Number);
  const [e, n] = proj4('EPSG:4326', attr('data-proj'), [lon, lat]);
  return [s * e + tx, ty - s * n];
}

for (const [city, lon, lat, country, neighbour] of [
  ['Berlin', 13.41053, 52.52437, 'DE', 'PL'],
  ['Yerevan', 44.51361, 40.18111, 'AM', 'TR'],
  ['Simferopol (Crimea)', 34.10417, 44.95194, 'UA', 'RU'],
  ['Kyrenia (north of Cyprus)', 33.31667, 35.34, 'CY', 'TR'],
  ['Pristina', 21.16688, 42.67272, 'XK', 'RS'],
]) {
  test(`${city} is drawn inside ${country} and not in ${neighbour}`, () => {
    const [w, h] = attr('viewBox').split(' ').slice(2).map(Number);
    const [x, y] = place(lon, lat);
    assert.ok(x > 0 && x < w && y > 0 && y < h, `${city} at ${x}, ${y} is outside the viewBox ${w} x ${h}`);
    assert.ok(insideAny(path(country), x, y), `${city} at ${x}, ${y} is not in the path ${country}`);
    assert.ok(!insideAny(path(neighbour), x, y), `${city} at ${x}, ${y} is in the path ${neighbour}`);
  });
}

test('Lisbon is drawn on the coast of PT', () => {
  // Natural Earth's 1:50m coast runs about 2.5 km north of GeoNames' point for Lisbon, which is at the water's
  // edge of the Tagus: the point is within 0.6 units (3 km, under a pixel at 800 px) of Portugal's outline,
  // and nearer to it than to Spain's.
  const [w, h] = attr('viewBox').split(' ').slice(2).map(Number);
  const [x, y] = place(-9.13333, 38.71667);
  assert.ok(x > 0 && x < w && y > 0 && y < h, `Lisbon at ${x}, ${y}`);
  assert.ok(insideAny(path('PT'), x, y) || distance(path('PT'), x, y) < 0.6,
    `Lisbon at ${x}, ${y} is ${distance(path('PT'), x, y)} units from PT`);
  assert.ok(!insideAny(path('ES'), x, y) && distance(path('ES'), x, y) > 10);
});

test('the frame holds the members furthest out', () => {
  const [w, h] = attr('viewBox').split(' ').slice(2).map(Number);
  for (const [name, lon, lat] of [['Reykjavík', -21.89541, 64.13548], ['Tbilisi', 44.83368, 41.69411],
    ['Gaziantep', 37.3825, 37.05944], ['Nicosia', 33.3642, 35.17531], ['Kharkiv', 36.25272, 49.98081]]) {
    const [x, y] = place(lon, lat);
    assert.ok(x > 10 && x < w - 10 && y > 10 && y < h - 10, `${name} at ${x}, ${y}`);
  }
});

test('the outline stays small and names each country once', () => {
  const size = Buffer.byteLength(svg);
  assert.ok(size > 30000 && size < 60000, `europe.svg has ${size} bytes`);
  const ids = [...svg.matchAll(/<path id="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(ids.filter((id) => !/^[A-Z]{2}$/.test(id)), []);
  assert.equal(new Set(ids).size, ids.length);
  assert.match(svg, /Natural Earth/);
  assert.match(svg, /@media \(prefers-color-scheme:dark\)/);
});

const index = loadGeoNames(new Set(['DE', 'FR', 'TR']));
for (const [name, country, id, population] of [
  ['Essen', 'DE', 2928810, 593085], ['Frankfurt am Main', 'DE', 2925533, 650000], ['Frankfurt', 'DE', 2925533, 650000],
  ['Hagen', 'DE', 2912621, 198972], ['Saint-Nazaire', 'FR', 2977921, 67054],
]) {
  test(`${name} goes to the big city, not a small namesake`, () => {
    const v = judge(candidates(index, country, [name]));
    assert.equal(v.status, 'matched');
    assert.equal(v.row.id, id);
    assert.equal(v.row.population, population);
  });
}

test('Kadıköy is never matched to the village of that name', () => {
  const v = judge(candidates(index, 'TR', ['Kadıköy']));
  assert.notEqual(v.status, 'matched');
});

test('the proposals for the records: big cities, and Kadıköy at its seat Istanbul without its population', () => {
  const decisions = parse(readFileSync(join(here, 'decisions.yaml'), 'utf8'));
  const { proposals, problems } = run({ contentDir: join(here, '..', '..', 'content', 'cities'), decisions });
  assert.deepEqual(problems, []);
  const of = (slug) => proposals.find((p) => p.record.slug === slug).fields;
  assert.equal(of('essen').geonames_id, 2928810);
  assert.equal(of('frankfurt').geonames_id, 2925533);
  assert.equal(of('hagen').geonames_id, 2912621);
  assert.equal(of('saint-nazaire').geonames_id, 2977921);
  assert.deepEqual(of('kadikoy'), { kind: 'district', seat: 'Istanbul', geonames_id: 745044,
    location: { latitude: 41.01384, longitude: 28.94966 } });
  assert.equal(of('aix-marseille-provence').population, undefined);
  assert.equal(of('rijeka').population, undefined);
  assert.equal(of('rijeka').population_snapshot, undefined);
});

test('a second run proposes only what is empty and reports a changed figure as a conflict', async () => {
  const { cpSync, mkdtempSync, readFileSync: read, writeFileSync: write } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'cities-'));
  cpSync(join(here, '..', '..', 'content', 'cities'), dir, { recursive: true });
  const berlin = join(dir, 'berlin.yaml');
  write(berlin, read(berlin, 'utf8').replace(/^population: \d+$/m, 'population: 3600000'));
  const decisions = parse(readFileSync(join(here, 'decisions.yaml'), 'utf8'));
  const { changes } = run({ contentDir: dir, decisions });
  const of = (slug) => changes.find((c) => c.proposal.record.slug === slug);
  assert.deepEqual(of('berlin').conflicts, [{ field: 'population', record: 3600000, proposed: 3426354 }]);
  assert.deepEqual(changes.filter((c) => Object.keys(c.add).length).map((c) => c.proposal.record.slug), []);
  assert.deepEqual(of('rijeka').conflicts, []);
});
