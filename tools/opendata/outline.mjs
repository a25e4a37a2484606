#!/usr/bin/env node
// Prepares the theme's map outline, templates/assets/europe.svg, from Natural Earth 1:50m country outlines
// (world-atlas 2.0.2) projected to EPSG:3035; see README.md. Run once when the outline should change.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature, merge } from 'topojson-client';
import { ALPHA2, BY_NAME } from './lib/countries.mjs';
import { HEIGHT, PROJ, SCALE, TX, TY, WIDTH, toSvg } from './lib/projection.mjs';
import { SNAPSHOT } from './lib/geonames.mjs';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2] ?? join(here, '..', '..', 'templates', 'assets', 'europe.svg');
/** Douglas-Peucker tolerance in SVG units (1 unit = 5 km): about 1.5 km, below a pixel at 800 px. */
const TOLERANCE = 0.45;
/** Rings smaller than this (in square units, 1 = 25 km²) are left out: islets invisible at 800 px. */
const MIN_AREA = 1;
/** Countries drawn as part of another: Northern Cyprus in Cyprus, Åland in Finland. */
const INTO = { 'N. Cyprus': 'CY', Åland: 'FI' };

function simplify(points, tol) {
  if (points.length < 3) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    const [ax, ay] = points[a]; const [bx, by] = points[b];
    const dx = bx - ax; const dy = by - ay; const len = Math.hypot(dx, dy);
    let max = 0; let at = -1;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = points[i];
      const d = len === 0 ? Math.hypot(px - ax, py - ay) : Math.abs(dy * px - dx * py + bx * ay - by * ax) / len;
      if (d > max) { max = d; at = i; }
    }
    if (max > tol) { keep[at] = 1; stack.push([a, at], [at, b]); }
  }
  return points.filter((_, i) => keep[i]);
}

/** Sutherland-Hodgman clipping of a closed ring to the rectangle [x0, x1] x [y0, y1]. */
function clip(ring, x0, y0, x1, y1) {
  const edges = [
    [(p) => p[0] >= x0, (p, q) => [x0, p[1] + (q[1] - p[1]) * (x0 - p[0]) / (q[0] - p[0])]],
    [(p) => p[0] <= x1, (p, q) => [x1, p[1] + (q[1] - p[1]) * (x1 - p[0]) / (q[0] - p[0])]],
    [(p) => p[1] >= y0, (p, q) => [p[0] + (q[0] - p[0]) * (y0 - p[1]) / (q[1] - p[1]), y0]],
    [(p) => p[1] <= y1, (p, q) => [p[0] + (q[0] - p[0]) * (y1 - p[1]) / (q[1] - p[1]), y1]],
  ];
  let pts = ring;
  for (const [inside, cut] of edges) {
    const res = [];
    for (let i = 0; i < pts.length; i++) {
      const p = pts[i]; const q = pts[(i + 1) % pts.length];
      if (inside(p)) { res.push(p); if (!inside(q)) res.push(cut(p, q)); } else if (inside(q)) res.push(cut(p, q));
    }
    pts = res;
    if (pts.length === 0) break;
  }
  return pts;
}

const area = (r) => r.reduce((s, p, i) => { const q = r[(i + 1) % r.length]; return s + p[0] * q[1] - q[0] * p[1]; }, 0) / 2;
const r1 = (v) => Math.round(v * 10) / 10;

/** Path data for rings, in relative moves and lines of 0.1-unit precision. */
function pathData(rings) {
  let d = ''; let cx = 0; let cy = 0;
  const num = (v) => { const s = (Math.round(v * 10) / 10).toString(); return s.replace(/^(-?)0\./, '$1.'); };
  const pair = (x, y) => { const a = num(x); const b = num(y); return a + (b.startsWith('-') ? '' : ' ') + b; };
  for (const ring of rings) {
    const pts = ring.map(([x, y]) => [r1(x), r1(y)]).filter((p, i, a) => i === 0 || p[0] !== a[i - 1][0] || p[1] !== a[i - 1][1]);
    if (pts.length < 3) continue;
    d += 'm' + pair(pts[0][0] - cx, pts[0][1] - cy) + 'l';
    let sep = '';
    for (let i = 1; i < pts.length; i++) {
      const s = pair(pts[i][0] - pts[i - 1][0], pts[i][1] - pts[i - 1][1]);
      d += (s.startsWith('-') ? '' : sep) + s; sep = ' ';
    }
    d += 'z';
    [cx, cy] = pts[0];
  }
  return d;
}

/**
 * Builds the outline SVG text.
 * @returns {{svg: string, codes: string[]}} the document and the country codes it draws
 */
export function buildOutline() {
  const topo = structuredClone(require('world-atlas/countries-50m.json'));
  // Decode, project and simplify every arc once, so that neighbours keep one shared border.
  const [sx, sy] = topo.transform.scale; const [tx, ty] = topo.transform.translate;
  topo.arcs = topo.arcs.map((arc) => {
    let x = 0; let y = 0;
    const pts = arc.map(([dx, dy]) => { x += dx; y += dy; return toSvg(x * sx + tx, y * sy + ty); })
      .map(([px, py]) => [Number.isFinite(px) ? px : 0, Number.isFinite(py) ? py : 0]);
    return simplify(pts, TOLERANCE);
  });
  delete topo.transform;
  const geoms = topo.objects.countries.geometries;
  const byCode = new Map();
  for (const g of geoms) {
    const code = INTO[g.properties.name] ?? BY_NAME[g.properties.name] ?? ALPHA2[g.id] ?? null;
    if (!byCode.has(code)) byCode.set(code, []);
    byCode.get(code).push(g);
  }
  // Crimea: Natural Earth draws it in Russia; the UN and the EU hold it to be Ukraine's.
  const [simX, simY] = toSvg(34.1, 44.95);
  const russia = byCode.get('RU')[0];
  const crimea = [];
  russia.arcs = russia.arcs.filter((polygon) => {
    const ring = feature(topo, { type: 'Polygon', arcs: [polygon[0]] }).geometry.coordinates[0];
    if (inside(ring, simX, simY)) { crimea.push(polygon); return false; }
    return true;
  });
  if (crimea.length !== 1) throw new Error(`expected one Crimea polygon in Russia, found ${crimea.length}`);
  byCode.get('UA').push({ type: 'Polygon', arcs: crimea[0] });

  const paths = [];
  for (const [code, list] of byCode) {
    const geometry = list.length > 1 ? merge(topo, list) : feature(topo, list[0]).geometry;
    const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    const rings = [];
    for (const poly of polys) {
      for (const ring of poly) {
        const c = clip(ring.slice(0, -1), -2, -2, WIDTH + 2, HEIGHT + 2);
        if (c.length >= 3 && Math.abs(area(c)) >= MIN_AREA) rings.push(c);
      }
    }
    if (!rings.length) continue;
    if (!code) throw new Error(`no ISO code for ${list.map((g) => g.properties?.name).join(', ')}: add it to lib/countries.mjs`);
    paths.push({ code, d: pathData(rings) });
  }
  paths.sort((a, b) => a.code.localeCompare(b.code));
  const year = SNAPSHOT.slice(0, 4);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${r1(WIDTH)} ${r1(HEIGHT)}" `
    + `data-proj="${PROJ}" data-transform="${SCALE} ${TX} ${TY}">\n`
    + '<title>Countries of Europe and around it</title>\n'
    + `<desc>Country outlines: Natural Earth 1:50m Admin 0 (public domain), via world-atlas 2.0.2; projection `
    + `EPSG:3035 (Lambert azimuthal equal-area); x = ${SCALE} * easting - ${-TX}, y = ${TY} - ${SCALE} * northing. `
    + `Crimea is drawn in Ukraine, Northern Cyprus in Cyprus. Member places (markers added by the site): GeoNames, CC BY 4.0, snapshot ${year}.</desc>\n`
    + '<style>path{fill:#e4e1d8;stroke:#fff;stroke-width:.6;stroke-linejoin:round}'
    + '@media (prefers-color-scheme:dark){path{fill:#3b4048;stroke:#1d2025}}</style>\n'
    + paths.map((p) => `<path id="${p.code}" d="${p.d}"/>`).join('\n') + '\n</svg>\n';
  return { svg, codes: paths.map((p) => p.code) };
}

/** Even-odd point-in-ring test. */
export function inside(ring, x, y) {
  let c = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]; const [xj, yj] = ring[j];
    if ((yi > y) !== (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) c = !c;
  }
  return c;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { svg, codes } = buildOutline();
  writeFileSync(out, svg);
  console.log(`${out}: ${Buffer.byteLength(svg)} bytes, ${codes.length} countries: ${codes.join(' ')}`);
}
