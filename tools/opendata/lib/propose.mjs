// Turns GeoNames rows and the editor's decisions into proposed values for each city record.
import { candidates, judge, SNAPSHOT } from './geonames.mjs';
import { isEmpty } from './records.mjs';

/** The kinds a record may have; those other than city and municipality have a seat. */
export const KINDS = ['city', 'municipality', 'metropolitan-area', 'region', 'district', 'grouping', 'community'];
const WITHOUT_SEAT = ['city', 'municipality'];

/**
 * Guesses the kind of a member from words in its name that say it is not a single town.
 * @param {string} name the record's name
 * @returns {string|undefined} a kind, or undefined when the name looks like a town's
 */
export function kindFromName(name) {
  if (/metropolitan|métropole|metropole|^grand /i.test(name)) return 'metropolitan-area';
  if (/\bregion\b/i.test(name)) return 'region';
  if (/\bcommunity\b/i.test(name)) return 'community';
  if (/[a-z]Stad$|^Netwerkstad /.test(name)) return 'grouping';
  return undefined;
}

function location(row) {
  return { latitude: Number(row.latitude.toFixed(6)), longitude: Number(row.longitude.toFixed(6)) };
}

/**
 * Proposes the open-data fields of one record.
 * @param {{slug: string, data: object}} record a city record
 * @param {object} index GeoNames index from loadGeoNames
 * @param {object} decision the editor's decision for this record from decisions.yaml, or {}
 * @returns {object} {status, reason, kind, kindFrom, seat, row, candidates, fields, problems}
 */
export function propose(record, index, decision = {}) {
  const d = record.data;
  const problems = [];
  const kind = decision.kind ?? d.kind ?? kindFromName(String(d.name));
  const kindFrom = decision.kind ? 'editor' : d.kind ? 'record' : kind ? 'name' : 'data';
  if (kind && !KINDS.includes(kind)) problems.push(`kind "${kind}" is not one of ${KINDS.join(', ')}`);
  const seat = decision.seat ?? d.seat;
  const hasSeat = kind && !WITHOUT_SEAT.includes(kind);

  // A member that is not one town is never matched by its own name: its marker is its seat's.
  const names = hasSeat ? (seat ? [seat] : []) : [d.name, d.local_name];
  const list = names.length ? candidates(index, d.country, names.map(String)) : [];
  let verdict = names.length ? judge(list)
    : { status: 'unmatched', reason: `a ${kind} without a seat named by the editor` };
  if (decision.geonames_id) {
    const pinned = list.find((c) => c.row.id === decision.geonames_id)
      ?? { row: index.rows.find((r) => r.id === decision.geonames_id) };
    if (!pinned.row) problems.push(`geonames_id ${decision.geonames_id} is not in the data for ${d.country}`);
    else verdict = { ...verdict, row: pinned.row, decided: true };
  }
  if (decision.unmatched) verdict = { status: verdict.status, reason: verdict.reason, decidedUnmatched: decision.unmatched };
  let seatNote;
  if (hasSeat) {
    // The member itself is never one place; the match found is its seat's.
    if (seat) seatNote = verdict.decided ? 'seat pinned by the editor' : verdict.status === 'matched' ? 'seat matched'
      : `seat ${verdict.status}: ${verdict.reason}`;
    verdict = { ...verdict, status: 'unmatched', reason: `a ${kind}, not one populated place`,
      seatMatched: verdict.status === 'matched' || verdict.decided };
  }

  const fields = {};
  const row = verdict.row && (verdict.status === 'matched' || verdict.decided || verdict.seatMatched) ? verdict.row : undefined;
  fields.kind = kind ?? (row ? 'city' : undefined);
  if (hasSeat && seat) fields.seat = seat;
  if (row) {
    fields.geonames_id = row.id;
    fields.location = location(row);
    // The population of a seat is never the member's: only a town's own figure is proposed, and never beside
    // a figure from another source (Rijeka's census figure).
    if (!hasSeat && row.population > 0 && (isEmpty(d, 'population') || d.population_source === 'GeoNames')) {
      fields.population = row.population;
      fields.population_source = 'GeoNames';
      fields.population_snapshot = SNAPSHOT;
    }
  }
  if (decision.population_source && !isEmpty(d, 'population')) fields.population_source = decision.population_source;
  const alt = [];
  for (const n of decision.alternative_names ?? []) {
    if (!row || hasSeat) { problems.push(`alternative name ${n.name}: no matched place to take it from`); continue; }
    if (!row.alternateNames.includes(n.name) && row.name !== n.name) {
      problems.push(`alternative name ${n.name} is not among GeoNames' alternate names of ${row.name} (${row.id})`);
      continue;
    }
    if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(n.language ?? '')) {
      problems.push(`alternative name ${n.name} needs a language tag`);
      continue;
    }
    alt.push({ name: n.name, language: n.language });
  }
  if (alt.length) fields.alternative_names = alt;
  return { status: verdict.status, reason: verdict.reason, decided: verdict.decided,
    decidedUnmatched: verdict.decidedUnmatched, kind: fields.kind, kindFrom, seat, row, candidates: list,
    fields, problems, seatNote, note: decision.note };
}
