// Reads the city records and adds fields to them without touching the lines that are there.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** The fields the import may add, in the order they are written after a record's existing lines. */
export const FIELDS = ['kind', 'seat', 'geonames_id', 'location', 'population', 'population_source',
  'population_snapshot', 'alternative_names'];

/**
 * Reads every content/cities/*.yaml.
 * @param {string} dir the folder of the city records
 * @returns {{slug: string, file: string, text: string, data: object}[]} records in file-name order
 */
export function readRecords(dir) {
  return readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => {
    const file = join(dir, f);
    const text = readFileSync(file, 'utf8');
    return { slug: f.replace(/\.yaml$/, ''), file, text, data: parse(text) ?? {} };
  });
}

/** True when the record has no value for the field (absent or null). */
export function isEmpty(data, field) {
  return data[field] === undefined || data[field] === null;
}

/** Compares a proposed value with the record's, structurally (numbers in location within 1e-6). */
export function sameValue(a, b) {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-6;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => sameValue(a[k], b[k]));
  }
  return String(a) === String(b);
}

function scalar(v) {
  if (typeof v === 'number') return String(v);
  const s = String(v);
  // Quote what YAML would read as something else than the plain string.
  return /^[\p{L}][\p{L}\p{N} .'’()\-]*$/u.test(s) && !/^(yes|no|true|false|null|on|off|y|n)$/i.test(s)
    ? s : JSON.stringify(s);
}

/**
 * Renders fields as YAML lines in the fixed order and shape of the city records.
 * @param {object} fields values keyed by field name (only those to write)
 * @returns {string} the lines, each ending in a newline
 */
export function renderFields(fields) {
  let out = '';
  for (const f of FIELDS) {
    const v = fields[f];
    if (v === undefined) continue;
    if (f === 'location') {
      out += `location:\n  latitude: ${v.latitude}\n  longitude: ${v.longitude}\n`;
    } else if (f === 'alternative_names') {
      if (v.length === 0) continue;
      out += 'alternative_names:\n' + v.map((n) => `  - name: ${scalar(n.name)}\n    language: ${n.language}\n`).join('');
    } else if (f === 'population_snapshot') {
      out += `${f}: ${v}\n`; // an ISO date, written plain as in the records' documented shape
    } else {
      out += `${f}: ${scalar(v)}\n`;
    }
  }
  return out;
}

/**
 * Appends fields to a record file after its last line.
 * @param {{file: string, text: string}} record the record as read
 * @param {object} fields the fields to add (none of them may be in the record already)
 */
export function appendFields(record, fields) {
  const lines = renderFields(fields);
  if (!lines) return;
  const text = record.text.endsWith('\n') ? record.text : record.text + '\n';
  writeFileSync(record.file, text + lines);
}
