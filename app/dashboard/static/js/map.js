// Where: the countries of Natural Earth's 1:110m map (world-atlas's TopoJSON, served with
// the page), shaded by how many events took place there; a click on a country, or on one
// of the places listed under the map, filters by that place.

import { h } from "./dom.js";
import { ALPHA2_BY_NUMERIC } from "./iso-codes.js";
import { asButton, canvas, s } from "./svg.js";

const TOPOLOGY = "/dashboard/static/vendor/world-atlas/countries-110m.json";
const WIDTH = 960;
const NORTH = 84;
const SOUTH = -58; // Antarctica is left out
const HEIGHT = Math.round((WIDTH * (NORTH - SOUTH)) / 360);
const SHADES = 4;
let topology = null;

async function loadTopology() {
  if (!topology) {
    topology = fetch(TOPOLOGY).then((response) => {
      if (!response.ok) throw new Error(`The map could not be loaded (HTTP ${response.status}).`);
      return response.json();
    });
    topology.catch(() => { topology = null; });
  }
  return topology;
}

/** The arcs of a TopoJSON topology as lists of [longitude, latitude] (delta-decoded). */
function decodeArcs({ arcs, transform }) {
  const [sx, sy] = transform.scale;
  const [tx, ty] = transform.translate;
  return arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty];
    });
  });
}

function project([longitude, latitude]) {
  const x = ((longitude + 180) / 360) * WIDTH;
  const y = ((NORTH - Math.max(SOUTH, Math.min(NORTH, latitude))) / (NORTH - SOUTH)) * HEIGHT;
  return `${x.toFixed(1)},${y.toFixed(1)}`;
}

/** A ring that crosses the 180th meridian (eastern Russia, Fiji) is drawn whole east of it
    (and clipped), instead of as a band across the whole map. */
function unwrapped(points) {
  const crosses = points.some(([longitude], i) => i && Math.abs(longitude - points[i - 1][0]) > 180);
  return crosses ? points.map(([longitude, latitude]) => [longitude < 0 ? longitude + 360 : longitude, latitude]) : points;
}

function ringPath(ring, arcs) {
  const points = [];
  for (const index of ring) {
    const arc = index < 0 ? [...arcs[~index]].reverse() : arcs[index];
    points.push(...(points.length ? arc.slice(1) : arc));
  }
  return `M${unwrapped(points).map(project).join("L")}Z`;
}

function geometryPath(geometry, arcs) {
  const polygons = geometry.type === "Polygon" ? [geometry.arcs] : geometry.arcs;
  return polygons.flatMap((polygon) => polygon.map((ring) => ringPath(ring, arcs))).join("");
}

/** 0 for no event, else 1 to SHADES in proportion to the most events in one country. */
function shadeOf(count, max) {
  return count ? Math.max(1, Math.ceil((SHADES * count) / max)) : 0;
}

function countsByCountry(places) {
  const counts = new Map();
  for (const place of places) {
    if (place.country) counts.set(place.country, (counts.get(place.country) ?? 0) + place.count);
  }
  return counts;
}

function events(count) {
  return count === 1 ? "1 event" : `${count} events`;
}

function placeButtons(places, current, onPlace) {
  return places.map((place) =>
    h("li", {}, h("button", {
      type: "button", class: "small place", "data-location": place.location,
      "aria-pressed": place.location === current ? "true" : "false",
      onclick: () => onPlace(place.location),
    }, `${place.location} (${place.count})`)),
  );
}

/**
 * Draw the map into `elements.map` and the places into `elements.places` from the stats'
 * `events_by_place`. A country with one place filters by it (`onPlace`); one with several
 * lists only its places, to choose from.
 */
export async function renderMap(elements, places, current, onPlace) {
  const world = await loadTopology();
  const arcs = decodeArcs(world);
  const counts = countsByCountry(places);
  const max = Math.max(1, ...counts.values());
  const svg = canvas(WIDTH, HEIGHT, "World map: countries shaded by the number of events");
  svg.classList.add("world-map");
  const showPlaces = (list, note) => {
    elements.places.replaceChildren(...placeButtons(list, current, onPlace));
    elements.note.textContent = note;
  };
  for (const geometry of world.objects.countries.geometries) {
    if (geometry.properties.name === "Antarctica") continue;
    const code = ALPHA2_BY_NUMERIC[geometry.id] ?? null;
    const count = (code && counts.get(code)) || 0;
    const name = geometry.properties.name;
    const path = s("path", {
      d: geometryPath(geometry, arcs), class: `country shade-${shadeOf(count, max)}`,
      "data-country": code,
    }, s("title", {}, count ? `${name}: ${events(count)}` : name));
    if (count) {
      const here = places.filter((place) => place.country === code);
      asButton(path, `${name}: ${events(count)}`, () =>
        here.length === 1 ? onPlace(here[0].location) : showPlaces(here, `Places in ${name}: choose one.`));
    }
    svg.append(path);
  }
  elements.map.replaceChildren(svg);
  const unplaced = places.filter((place) => !place.country).length;
  showPlaces(places, unplaced ? `${unplaced} of these places are not on the map (their country is not known).` : "");
}
