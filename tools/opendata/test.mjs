// Run with `node --test` in tools/opendata (after `npm ci`).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { candidates, judge, loadGeoNames } from './lib/geonames.mjs';
import { run } from './import.mjs';

const here = dirname(fileURLToPath(import.meta.url));
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
