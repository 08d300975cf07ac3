// The timeline: claims per month stacked by verification status, and statements per month
// beside them, on a continuous axis of months (a month without any is a gap). Dragging
// across the chart picks a range of months, which `onRange` turns into date filters.

import { badge, h } from "./dom.js";
import { STATUSES } from "./filters.js";
import { firstDay, lastDay, monthNumber, monthText } from "./months.js";
import { canvas, s } from "./svg.js";

const HEIGHT = 210;
const MARGIN = { top: 12, right: 12, bottom: 30, left: 40 };
// Months shown at most when the range comes from the date filters, not from the data.
const MAX_FILTER_MONTHS = 1200;

/** {month: {verified: n, ..., statements: n}} for dated months, and the undated counts. */
function tally(stats) {
  const months = new Map();
  const undated = { claims: 0, statements: 0 };
  const at = (month) => {
    if (!months.has(month)) months.set(month, { statements: 0, claims: 0 });
    return months.get(month);
  };
  for (const { month, status, count } of stats.claims_by_month_and_status) {
    if (month === null) undated.claims += count;
    else {
      at(month)[status] = count;
      at(month).claims += count;
    }
  }
  for (const { month, count } of stats.statements_by_month) {
    if (month === null) undated.statements += count;
    else at(month).statements = count;
  }
  return { months, undated };
}

/** The first and last month numbers of the axis: the date filters' when set, else the data's. */
function span(months, filters) {
  const numbers = [...months.keys()].map(monthNumber);
  let first = Math.min(...numbers);
  let last = Math.max(...numbers);
  if (filters.dateFrom) first = monthNumber(filters.dateFrom.slice(0, 7));
  if (filters.dateTo) last = monthNumber(filters.dateTo.slice(0, 7));
  if (!numbers.length && !(filters.dateFrom && filters.dateTo)) return null;
  if (last - first > MAX_FILTER_MONTHS) [first, last] = [Math.min(...numbers), Math.max(...numbers)];
  return Number.isFinite(first) && Number.isFinite(last) && last >= first ? { first, last } : null;
}

function yearStep(slot) {
  return [1, 2, 5, 10, 20, 50, 100].find((years) => slot * 12 * years >= 44) ?? 100;
}

function axis(geometry) {
  const { first, last, x, slot, bottom, left, right } = geometry;
  const step = yearStep(slot);
  const ticks = [];
  const firstYear = Math.ceil(first / 12);
  for (let year = firstYear; year * 12 <= last; year += 1) {
    if (year % step) continue;
    const at = x(year * 12);
    ticks.push(s("line", { x1: at, x2: at, y1: bottom, y2: bottom + 5, class: "tick" }));
    ticks.push(s("text", { x: at, y: bottom + 18, class: "tick-label", "text-anchor": "middle" }, String(year)));
  }
  if (!ticks.length) {
    ticks.push(s("text", { x: left, y: bottom + 18, class: "tick-label" }, monthText(first)));
  }
  return [s("line", { x1: left, x2: right, y1: bottom, y2: bottom, class: "axis" }), ...ticks];
}

function bars(months, geometry, max) {
  const { x, slot, bottom, plotHeight } = geometry;
  const height = (count) => (plotHeight * count) / max;
  const claimWidth = Math.max(slot * 0.6 - 0.5, 0.8);
  const statementWidth = Math.max(slot * 0.4 - 0.5, 0.6);
  const shapes = [];
  for (const [month, counts] of months) {
    const left = x(monthNumber(month));
    let top = bottom;
    for (const status of STATUSES) {
      if (!counts[status]) continue;
      top -= height(counts[status]);
      shapes.push(s("rect", {
        x: left, y: top, width: claimWidth, height: height(counts[status]),
        class: `bar bar-${status}`, "data-month": month, "data-status": status,
      }, s("title", {}, `${month}: ${counts[status]} ${status} claims`)));
    }
    if (counts.statements) {
      shapes.push(s("rect", {
        x: left + claimWidth + 0.5, y: bottom - height(counts.statements), width: statementWidth,
        height: height(counts.statements), class: "bar bar-statements", "data-month": month,
        "data-status": "statements",
      }, s("title", {}, `${month}: ${counts.statements} statements`)));
    }
  }
  return shapes;
}

function geometryOf(range, width) {
  const left = MARGIN.left;
  const right = width - MARGIN.right;
  const count = range.last - range.first + 1;
  const slot = (right - left) / count;
  return {
    ...range, left, right, slot, count, bottom: HEIGHT - MARGIN.bottom,
    plotHeight: HEIGHT - MARGIN.bottom - MARGIN.top,
    x: (number) => left + (number - range.first) * slot,
    monthAt: (px) => range.first + Math.min(count - 1, Math.max(0, Math.floor((px - left) / slot))),
  };
}

/** Drag across the plot to choose months: a band follows the pointer; `onRange` gets the dates. */
function brush(svg, geometry, onRange) {
  const band = s("rect", { class: "brush", y: MARGIN.top, height: geometry.plotHeight, width: 0, visibility: "hidden" });
  const surface = s("rect", {
    class: "brush-surface", x: geometry.left, y: MARGIN.top, width: geometry.right - geometry.left,
    height: geometry.plotHeight,
  });
  let start = null;
  const toMonth = (event) => {
    const box = svg.getBoundingClientRect();
    const scale = svg.viewBox.baseVal.width / box.width;
    return geometry.monthAt((event.clientX - box.left) * scale);
  };
  const draw = (a, b) => {
    const [from, to] = [Math.min(a, b), Math.max(a, b)];
    band.setAttribute("x", geometry.x(from));
    band.setAttribute("width", geometry.x(to + 1) - geometry.x(from));
    band.setAttribute("visibility", "visible");
  };
  surface.addEventListener("pointerdown", (event) => {
    start = toMonth(event);
    surface.setPointerCapture(event.pointerId);
    draw(start, start);
  });
  surface.addEventListener("pointermove", (event) => {
    if (start !== null) draw(start, toMonth(event));
  });
  surface.addEventListener("pointerup", (event) => {
    if (start === null) return;
    const end = toMonth(event);
    const [from, to] = [Math.min(start, end), Math.max(start, end)];
    start = null;
    onRange(firstDay(from), lastDay(to));
  });
  return [band, surface];
}

function legend() {
  const entries = [...STATUSES.map((status) => [status, `${status} claims`]), ["statements", "statements"]];
  return entries.map(([kind, text]) =>
    h("li", {}, h("span", { class: `swatch swatch-${kind}`, "aria-hidden": "true" }), text),
  );
}

function tableRows(months, undated) {
  const ordered = [...months.keys()].sort();
  const rows = ordered.map((month) =>
    h("tr", {}, h("th", { scope: "row" }, month),
      h("td", {}, String(months.get(month).statements)), h("td", {}, String(months.get(month).claims))),
  );
  if (undated.claims || undated.statements) {
    rows.push(h("tr", {}, h("th", { scope: "row" }, "undated"),
      h("td", {}, String(undated.statements)), h("td", {}, String(undated.claims))));
  }
  if (!rows.length) rows.push(h("tr", {}, h("td", { colspan: 3 }, "Nothing in this range.")));
  return rows;
}

/**
 * Draw the chart into `elements.chart`, the legend, the undated note and the months as a
 * table (for reading aloud); `onRange(dateFrom, dateTo)` gets a dragged range.
 */
export function renderTimeline(elements, stats, filters, onRange) {
  const { months, undated } = tally(stats);
  const range = span(months, filters);
  const width = Math.max(320, Math.round(elements.chart.clientWidth || 640));
  elements.legend.replaceChildren(...legend());
  elements.rows.replaceChildren(...tableRows(months, undated));
  const notes = [];
  if (undated.claims || undated.statements) {
    notes.push(`Undated, not on the axis: ${undated.claims} claims, ${undated.statements} statements.`);
  }
  elements.undated.textContent = notes.join(" ");
  if (!range) {
    elements.chart.replaceChildren(h("p", { class: "muted" }, "Nothing dated in this range."));
    return;
  }
  const geometry = geometryOf(range, width);
  const max = Math.max(1, ...[...months.values()].flatMap((c) => [c.claims, c.statements]));
  const label = `Claims by status and statements per month, ${monthText(range.first)} to ${monthText(range.last)}`;
  const svg = canvas(width, HEIGHT, label);
  svg.classList.add("timeline-chart");
  svg.dataset.first = monthText(range.first);
  svg.dataset.last = monthText(range.last);
  const top = geometry.bottom - geometry.plotHeight;
  svg.append(
    s("line", { x1: geometry.left, x2: geometry.right, y1: top, y2: top, class: "grid" }),
    s("text", { x: geometry.left - 6, y: top + 4, class: "tick-label", "text-anchor": "end" }, String(max)),
    s("text", { x: geometry.left - 6, y: geometry.bottom, class: "tick-label", "text-anchor": "end" }, "0"),
    ...axis(geometry),
    ...bars(months, geometry, max),
    ...brush(svg, geometry, onRange),
  );
  elements.chart.replaceChildren(svg);
}

/** Render the claims-per-status counts as badges. */
export function renderStatusCounts(list, claimsByStatus) {
  list.replaceChildren(
    ...STATUSES.map((status) => h("li", {}, badge(status), ` ${claimsByStatus[status]}`)),
  );
}
