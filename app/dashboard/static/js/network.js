// Who with whom: the actor in focus in the middle, the actors sharing the most claims,
// statements and events with it around (`GET /v1/actors/{id_or_slug}/related`), each edge
// as wide as the rows they share. A click on a neighbour puts it in focus.

import { h } from "./dom.js";
import { asButton, canvas, s } from "./svg.js";

/** The drawing's size: its container's width (320 to 640 px), so names keep their size. */
function sizeOf(container) {
  const width = Math.min(640, Math.max(320, Math.round(container.clientWidth || 640)));
  return { width, height: width < 500 ? 380 : 400, margin: width < 500 ? 62 : 110 };
}

function place(index, count, { width, height, margin }) {
  const angle = -Math.PI / 2 + (2 * Math.PI * index) / count;
  return [width / 2 + (width / 2 - margin) * Math.cos(angle), height / 2 + (height / 2 - 40) * Math.sin(angle)];
}

function shared(item) {
  const parts = [["claims", item.shared.claims], ["statements", item.shared.statements], ["events", item.shared.events]];
  return parts.filter(([, n]) => n).map(([noun, n]) => `${n} ${n === 1 ? noun.slice(0, -1) : noun}`).join(", ");
}

// About how wide a name is drawn, per character (13 px text), to keep it inside the drawing.
const CHARACTER_WIDTH = 7;

function node(x, y, radius, name, centre, width) {
  const half = (name.length * CHARACTER_WIDTH) / 2 + 2;
  const labelX = Math.min(Math.max(x, half), width - half);
  return [
    s("circle", { cx: x, cy: y, r: radius, class: centre ? "node-centre" : "node-dot" }),
    s("text", { x: labelX, y: y + radius + 14, "text-anchor": "middle", class: centre ? "node-label centre" : "node-label" }, name),
  ];
}

/** Draw `related` (the API's answer) into `elements`; `onFocus(actor)` re-centres. */
export function renderNetwork(elements, related, onFocus) {
  const { actor, items } = related;
  elements.heading.textContent = `Who appears with ${actor.name}`;
  const size = sizeOf(elements.chart);
  const [cx, cy] = [size.width / 2, size.height / 2];
  const svg = canvas(size.width, size.height, `${actor.name} and the ${items.length} actors sharing the most rows with it`);
  svg.classList.add("network");
  svg.dataset.centre = actor.slug;
  const max = Math.max(1, ...items.map((item) => item.count));
  const edges = [];
  const nodes = [];
  for (const [index, item] of items.entries()) {
    const [x, y] = place(index, items.length, size);
    edges.push(s("line", {
      x1: cx, y1: cy, x2: x, y2: y, class: "edge", "data-slug": item.actor.slug,
      "stroke-width": (1 + (9 * item.count) / max).toFixed(1),
    }, s("title", {}, `${actor.name} and ${item.actor.name}: ${shared(item)}`)));
    const group = s("g", { class: "neighbour", "data-slug": item.actor.slug },
      ...node(x, y, 7, item.actor.name, false, size.width));
    nodes.push(asButton(group, `Focus on ${item.actor.name} (${item.count} shared)`, () => onFocus(item.actor)));
  }
  svg.append(...edges, ...node(cx, cy, 12, actor.name, true, size.width), ...nodes);
  elements.chart.replaceChildren(items.length ? svg : h("p", { class: "muted" }, `Nobody shares a claim, statement or event with ${actor.name} under these filters.`));
  elements.list.replaceChildren(...items.map((item) =>
    h("li", { "data-slug": item.actor.slug },
      h("span", { class: "neighbour-name" }, item.actor.name), ` ${shared(item)}`,
      h("span", { class: "muted" }, item.last_seen_on ? `, last ${item.last_seen_on}` : ""))));
}
