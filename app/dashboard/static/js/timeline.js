// The timeline: statements and claims per month, as a table with bars.

import { badge, h } from "./dom.js";
import { STATUSES } from "./filters.js";

function byMonth(buckets) {
  return new Map(buckets.map((bucket) => [bucket.month, bucket.count]));
}

function months(...maps) {
  const all = new Set(maps.flatMap((map) => [...map.keys()]));
  // Ascending, with the undated bucket last, as the API orders its own buckets.
  return [...all].sort((a, b) => (a === null) - (b === null) || (a ?? "").localeCompare(b ?? ""));
}

function barCell(count, max, kind) {
  const bar = h("span", { class: `bar bar-${kind}`, "aria-hidden": "true" });
  bar.style.inlineSize = `${max ? (100 * count) / max : 0}%`;
  return h("td", {}, h("div", { class: "bar-cell" }, bar, String(count)));
}

/** Render month rows into `tbody` from the stats' statements and claims per month. */
export function renderTimeline(tbody, statementsByMonth, claimsByMonth) {
  const statements = byMonth(statementsByMonth);
  const claims = byMonth(claimsByMonth);
  const max = Math.max(0, ...statements.values(), ...claims.values());
  const rows = months(statements, claims).map((month) =>
    h(
      "tr",
      {},
      h("th", { scope: "row" }, month ?? "undated"),
      barCell(statements.get(month) ?? 0, max, "statements"),
      barCell(claims.get(month) ?? 0, max, "claims"),
    ),
  );
  if (!rows.length) rows.push(h("tr", {}, h("td", { colspan: 3 }, "Nothing in this range.")));
  tbody.replaceChildren(...rows);
}

/** Render the claims-per-status counts as badges. */
export function renderStatusCounts(list, claimsByStatus) {
  list.replaceChildren(
    ...STATUSES.map((status) => h("li", {}, badge(status), ` ${claimsByStatus[status]}`)),
  );
}
