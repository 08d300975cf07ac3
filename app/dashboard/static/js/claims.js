// The claims table: one page of `GET /v1/claims` with status badges.

import { badge, dateText, h, showInBriefButton } from "./dom.js";

function actorList(actors) {
  return actors.length ? actors.map((actor) => actor.name).join(", ") : "—";
}

function claimRow(claim, onOpen) {
  const open = showInBriefButton("claim", claim, onOpen);
  return h(
    "tr",
    { "data-claim-id": claim.id },
    h("td", { class: "date", "data-label": "Date" }, dateText(claim.occurred_on)),
    h("td", { "data-label": "Claim" }, claim.text),
    h("td", { "data-label": "Status" }, badge(claim.status)),
    h("td", { class: "actors", "data-label": "Actors" }, actorList(claim.actors)),
    h("td", { class: "brief-cell", "data-label": "Brief" }, h("span", { class: "brief-label" }, claim.brief.label), open),
  );
}

/** Render one page of claims into `tbody` and its count into `summary`. */
export function renderClaims(tbody, summary, page, total, onOpen) {
  const rows = page.items.map((claim) => claimRow(claim, onOpen));
  if (!rows.length) rows.push(h("tr", {}, h("td", { colspan: 5 }, "No claim matches the filters.")));
  tbody.replaceChildren(...rows);
  summary.textContent = `${total} ${total === 1 ? "claim" : "claims"} match the filters.`;
}
