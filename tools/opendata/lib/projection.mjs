// The map projection shared with the site build (which uses the same PROJ string with proj4j).
import proj4 from 'proj4';

/** Lambert azimuthal equal-area, the EPSG:3035 (ETRS89-extended / LAEA Europe) definition. */
export const PROJ = '+proj=laea +lat_0=52 +lon_0=10 +x_0=4321000 +y_0=3210000 +ellps=GRS80 +units=m +no_defs';

/** SVG user units per projected metre (1 unit = 5 km) and the frame's west and north edges in metres. */
export const SCALE = 0.0002;
export const WEST = 2450000;
export const NORTH = 5450000;
export const EAST = 7400000;
export const SOUTH = 1350000;
/** x = SCALE * easting + TX; y = TY - SCALE * northing. */
export const TX = -WEST * SCALE;
export const TY = NORTH * SCALE;
export const WIDTH = (EAST - WEST) * SCALE;
export const HEIGHT = (NORTH - SOUTH) * SCALE;

const forward = proj4('EPSG:4326', PROJ);

/**
 * Projects a position to EPSG:3035 metres.
 * @param {number} longitude degrees east
 * @param {number} latitude degrees north
 * @returns {[number, number]} easting and northing in metres
 */
export function project(longitude, latitude) {
  return forward.forward([longitude, latitude]);
}

/**
 * Projects a position to the outline's SVG user units.
 * @returns {[number, number]} x and y in the viewBox of europe.svg
 */
export function toSvg(longitude, latitude) {
  const [e, n] = project(longitude, latitude);
  return [SCALE * e + TX, TY - SCALE * n];
}
