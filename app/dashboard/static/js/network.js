// Who with whom: the actor in focus in the middle, the actors sharing the most claims,
// statements and events with it around (`GET /v1/actors/{id_or_slug}/related`), each edge
// as wide as the rows they share. A click on a neighbour puts it in focus.

import { h } from "./dom.js";
import { asButton, canvas, s } from "./svg.js";

const WIDTH = 640;
const HEIGHT = 400;
const LIMIT = 12;

function place(index, count) {
  const angle = -Math.PI / 2 + (2 * Math.PI * index) / count;
  return [WIDTH / 2 + (WIDTH / 2 - 110) * Math.cos(angle), HEIGHT / 2 + (HEIGHT / 2 - 40) * Math.sin(angle)];
}

function shared(item) {
  const parts = [["claims", item.shared.claims], ["statements", item.shared.statements], ["events", item.shared.events]];
  return parts.filter(([, n]) => n).map(([noun, n]) => `${n} ${n === 1 ? noun.slice(0, -1) : noun}`).join(", ");
}

function node(x, y, radius, name, centre) {
  return [
    s("circle", { cx: x, cy: y, r: radius, class: centre ? "node-centre" : "node-dot" }),
    s("text", { x, y: y + radius + 14, "text-anchor": "middle", class: centre ? "node-label centre" : "node-label" }, name),
  ];
}

/** Draw `related` (the API's answer) into `elements`; `onFocus(actor)` re-centres. */
export function renderNetwork(elements, related, onFocus) {
  const { actor, items } = related;
  elements.heading.textContent = `Who appears with ${actor.name}`;
  const svg = canvas(WIDTH, HEIGHT, `${actor.name} and the ${items.length} actors sharing the most rows with it`);
  svg.classList.add("network");
  svg.dataset.centre = actor.slug;
  const max = Math.max(1, ...items.map((item) => item.count));
  const edges = [];
  const nodes = [];
  for (const [index, item] of items.entries()) {
    const [x, y] = place(index, items.length);
    edges.push(s("line", {
      x1: WIDTH / 2, y1: HEIGHT / 2, x2: x, y2: y, class: "edge", "data-slug": item.actor.slug,
      "stroke-width": (1 + (9 * item.count) / max).toFixed(1),
    }, s("title", {}, `${actor.name} and ${item.actor.name}: ${shared(item)}`)));
    const group = s("g", { class: "neighbour", "data-slug": item.actor.slug },
      ...node(x, y, 7, item.actor.name, false));
    nodes.push(asButton(group, `Focus on ${item.actor.name} (${item.count} shared)`, () => onFocus(item.actor)));
  }
  svg.append(...edges, ...node(WIDTH / 2, HEIGHT / 2, 12, actor.name, true), ...nodes);
  elements.chart.replaceChildren(items.length ? svg : h("p", { class: "muted" }, `Nobody shares a claim, statement or event with ${actor.name} under these filters.`));
  elements.list.replaceChildren(...items.map((item) =>
    h("li", { "data-slug": item.actor.slug },
      h("span", { class: "neighbour-name" }, item.actor.name), ` ${shared(item)}`,
      h("span", { class: "muted" }, item.last_seen_on ? `, last ${item.last_seen_on}` : ""))));
}
