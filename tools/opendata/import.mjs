#!/usr/bin/env node
// Proposes GeoNames facts for content/cities/*.yaml and writes a review report; with --apply, also writes the
// proposed values into the fields that are empty in each record. See README.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { loadGeoNames, SNAPSHOT } from './lib/geonames.mjs';
import { FIELDS, appendFields, isEmpty, readRecords, sameValue } from './lib/records.mjs';
import { propose } from './lib/propose.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const apply = args.includes('--apply');
const contentDir = opt('--content', join(here, '..', '..', 'content', 'cities'));
const reportFile = opt('--report', join(here, 'review.md'));
const decisionsFile = opt('--decisions', join(here, 'decisions.yaml'));

/**
 * Runs the import over a folder of records.
 * @returns {{proposals: object[], changes: object[], problems: string[]}}
 */
export function run({ contentDir, decisions }) {
  const records = readRecords(contentDir);
  const index = loadGeoNames(new Set(records.map((r) => String(r.data.country))));
  const problems = [];
  for (const slug of Object.keys(decisions)) {
    if (!records.some((r) => r.slug === slug)) problems.push(`decisions.yaml: ${slug}: no such record`);
  }
  const proposals = records.map((r) => ({ record: r, ...propose(r, index, decisions[r.slug] ?? {}) }));
  const changes = proposals.map((p) => {
    const add = {}; const conflicts = []; const same = [];
    for (const f of FIELDS) {
      const v = p.fields[f];
      if (v === undefined) continue;
      if (isEmpty(p.record.data, f)) add[f] = v;
      else if (sameValue(p.record.data[f], v)) same.push(f);
      else conflicts.push({ field: f, record: p.record.data[f], proposed: v });
    }
    // A population from another source keeps its own year: never add a snapshot date beside it.
    if (!isEmpty(p.record.data, 'population_year')) delete add.population_snapshot;
    for (const m of p.problems) problems.push(`${p.record.slug}: ${m}`);
    return { proposal: p, add, conflicts, same };
  });
  return { proposals, changes, problems };
}

const fmt = (n) => (n === undefined || n === null ? '' : String(n));
const loc = (row) => (row ? `${row.latitude}, ${row.longitude}` : '');
const cand = (list) => list.slice(0, 5).map((c) => `${c.row.name} (${c.row.id}, ${c.row.featureCode}, `
  + `admin ${c.row.admin1}, pop. ${c.row.population}${c.primary ? '' : ', by alternate name'})`).join('; ');
const esc = (s) => String(s).replace(/\|/g, '\\|');

/** Writes the review report as Markdown. */
export function report({ proposals, changes, problems }, applied) {
  const by = (s) => proposals.filter((p) => p.status === s);
  const pending = changes.filter((c) => Object.keys(c.add).length);
  const conflicts = changes.filter((c) => c.conflicts.length);
  const kinds = {};
  for (const p of proposals) kinds[p.kind ?? '(none)'] = (kinds[p.kind ?? '(none)'] ?? 0) + 1;
  let md = `# Open data review\n\nWritten by \`node import.mjs${applied ? ' --apply' : ''}\` from GeoNames `
    + `(cities with a population of 1,000 or more, snapshot ${SNAPSHOT}, CC BY 4.0) and the editor's \`decisions.yaml\`. `
    + 'Do not edit by hand: change `decisions.yaml` or the records and run the tool again.\n\n';
  md += `## Summary\n\n- records: ${proposals.length}\n`
    + `- matched confidently by name: ${by('matched').length}\n`
    + `- doubtful: ${by('doubtful').length} (decided by the editor: ${by('doubtful').filter((p) => p.decided).length})\n`
    + `- unmatched: ${by('unmatched').length} (of them placed at a seat: ${by('unmatched').filter((p) => p.row).length})\n`
    + `- kinds: ${Object.entries(kinds).map(([k, n]) => `${k} ${n}`).join(', ')}\n`
    + `- records with location: ${proposals.filter((p) => p.fields.location || p.record.data.location).length}, `
    + `with a population and its source: ${proposals.filter((p) => (p.fields.population || p.record.data.population) && (p.fields.population_source || p.record.data.population_source)).length}\n`
    + `- records with fields still to add: ${pending.length}; with conflicts: ${conflicts.length}\n\n`;
  if (problems.length) md += '## Problems\n\n' + problems.map((m) => `- ${m}`).join('\n') + '\n\n';
  md += '## Conflicts with values in the records\n\nThe tool never overwrites a value; an editor decides.\n\n';
  md += conflicts.length ? conflicts.flatMap((c) => c.conflicts.map((x) => `- ${c.proposal.record.slug}: ${x.field}: `
    + `record has ${JSON.stringify(x.record)}, GeoNames proposes ${JSON.stringify(x.proposed)}`)).join('\n') + '\n\n' : 'None.\n\n';
  md += `## Fields to add (${applied ? 'added by this run' : 'run with --apply to write them'})\n\n`;
  md += pending.length ? pending.map((c) => `- ${c.proposal.record.slug}: ${Object.keys(c.add).join(', ')}`).join('\n') + '\n\n'
    : 'None: every proposed value is in the records.\n\n';
  md += '## Doubtful\n\n| record | reason | candidates | editor |\n|---|---|---|---|\n';
  for (const p of by('doubtful')) {
    md += `| ${esc(p.record.data.name)} (${p.record.data.country}) | ${esc(p.reason)} | ${esc(cand(p.candidates))} | `
      + `${p.decided ? `took ${p.row.id} (${esc(p.row.name)})` : p.decidedUnmatched ? esc(p.decidedUnmatched) : 'left empty'}${p.note ? ': ' + esc(p.note) : ''} |\n`;
  }
  md += '\n## Unmatched\n\nNot one populated place: the marker goes to the seat, whose population is never copied.\n\n'
    + '| record | kind | why | seat | seat in GeoNames | note |\n|---|---|---|---|---|---|\n';
  for (const p of by('unmatched')) {
    md += `| ${esc(p.record.data.name)} (${p.record.data.country}) | ${fmt(p.kind)} | ${esc(p.decidedUnmatched ?? p.reason)} | `
      + `${fmt(p.seat)} | ${p.row ? `${p.row.id} ${esc(p.row.name)} (${loc(p.row)}; ${p.seatNote})` : p.seatNote ?? ''} | ${esc(p.note ?? '')} |\n`;
  }
  md += '\n## Matched\n\n| record | kind | GeoNames | code | population | location | alternative names |\n|---|---|---|---|---|---|---|\n';
  for (const p of by('matched')) {
    const r = p.row;
    md += `| ${esc(p.record.data.name)} (${p.record.data.country}) | ${fmt(p.kind)} | ${r.id} ${esc(r.name)} | ${r.featureCode} | `
      + `${r.population} | ${loc(r)} | ${(p.fields.alternative_names ?? []).map((n) => `${esc(n.name)} (${n.language})`).join(', ')} |\n`;
  }
  return md;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const decisions = parse(readFileSync(decisionsFile, 'utf8')) ?? {};
  const result = run({ contentDir, decisions });
  if (apply) {
    if (result.problems.length) {
      console.error(result.problems.map((m) => 'error: ' + m).join('\n'));
      console.error('hint: fix decisions.yaml; nothing was written');
      process.exit(1);
    }
    for (const c of result.changes) appendFields(c.proposal.record, c.add);
  }
  writeFileSync(reportFile, report(result, apply));
  const added = result.changes.filter((c) => Object.keys(c.add).length).length;
  const conflicts = result.changes.reduce((n, c) => n + c.conflicts.length, 0);
  console.log(`${result.proposals.length} records; ${apply ? 'added fields to' : 'fields to add in'} ${added}; `
    + `${conflicts} conflicts; ${result.problems.length} problems; report: ${relative(process.cwd(), reportFile)}`);
  for (const c of result.changes) for (const x of c.conflicts) {
    console.log(`conflict: ${c.proposal.record.slug}: ${x.field}: record ${JSON.stringify(x.record)}, proposed ${JSON.stringify(x.proposed)}`);
  }
  process.exitCode = result.problems.length ? 1 : 0;
}
