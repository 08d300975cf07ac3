// The dashboard page: wires the filters, the timeline, the map, the network of actors, the
// claims, statements and recently changed lists, the brief view and a claim's status
// history together. Everything it shows comes from the public `/v1` API, and the whole view
// (filters, selection, actor in focus, kind of change) is in the page URL, so reopening the
// URL shows the same view.

import { ApiError, getJson, queryString } from "./api.js";
import { attachActorSearch } from "./autocomplete.js";
import { showBrief } from "./brief.js";
import { CHANGE_TYPES, renderChanges } from "./changes.js";
import { renderClaims } from "./claims.js";
import { h, setBusy } from "./dom.js";
import {
  apiParams, changeParams, noFilters, readForm, readUrl, statementParams, urlParams, writeForm,
} from "./filters.js";
import { hideClaimHistory, showClaimHistory } from "./history.js";
import { renderMap } from "./map.js";
import { renderNetwork } from "./network.js";
import { CursorPager } from "./pager.js";
import { clearProblem, showProblem } from "./problem.js";
import { renderStatements } from "./statements.js";
import { renderStatusCounts, renderTimeline } from "./timeline.js";

const byId = (id) => document.getElementById(id);
const form = byId("filters");
let filters = noFilters();

function showActor(actor) {
  byId("actor-chosen-name").textContent = actor ? `Actor: ${actor.name}` : "";
  byId("actor-chosen").hidden = !actor;
}

/** Mark the row or entry `[data-<kind>-id=<id>]` (none when `kind` is null) as selected. */
function markSelected(kind, id) {
  for (const element of document.querySelectorAll(".selected")) element.classList.remove("selected");
  if (kind) document.querySelector(`[data-${kind}-id="${id}"]`)?.classList.add("selected");
}

const briefElements = {
  section: byId("brief"),
  heading: byId("brief-heading"),
  metaLine: byId("brief-meta"),
  selectionLine: byId("brief-selection"),
  source: byId("brief-source"),
};
const historyElements = { box: byId("claim-history"), list: byId("claim-history-list") };

function writeUrl() {
  history.replaceState(null, "", `/dashboard${queryString(urlParams(filters))}`);
}

/** Show `selection` ({kind, item}) in its brief and, for a claim, its status history. */
function openInBrief(selection) {
  const { kind, item } = selection;
  Object.assign(filters, { claim: null, statement: null, brief: null, [kind]: item.id });
  writeUrl();
  markSelected(kind, item.id);
  const history = kind === "claim" ? showClaimHistory(historyElements, item.id) : hideClaimHistory(historyElements);
  return Promise.all([showBrief(briefElements, item.brief.id, selection, filters.actor), history]).catch(showProblem);
}

/** Show brief `briefId` whole, nothing highlighted. */
function openWholeBrief(briefId) {
  Object.assign(filters, { claim: null, statement: null, brief: briefId });
  writeUrl();
  markSelected(null);
  hideClaimHistory(historyElements);
  return showBrief(briefElements, briefId, null, filters.actor).catch(showProblem);
}

// What an entry of the recently changed list opens: the claim or statement it is about,
// else (a brief's change, an event's, a removal) the brief.
const OPENS = { "claim.added": "claim", "claim.status_changed": "claim", "statement.added": "statement" };

/** Whether claim `id` is still in its brief: its history (kept after it goes) says. */
async function claimStays(id) {
  const { entries } = await getJson(`/v1/claims/${id}/history`);
  return entries.at(-1)?.change !== "removed";
}

async function openChange(change) {
  const kind = OPENS[change.type];
  let item = null;
  try {
    const stays = kind && (kind !== "claim" || (await claimStays(change.item_id)));
    item = stays ? await getJson(`/v1/${kind}s/${change.item_id}`) : null;
  } catch (error) {
    // A statement has no history: one a later revision removed answers 404.
    if (!(error instanceof ApiError && error.problem.status === 404)) return showProblem(error);
  }
  // A claim or statement since removed by a later revision: its brief instead.
  await (item ? openInBrief({ kind, item }) : openWholeBrief(change.brief_id));
  // Beside the claim's or statement's row, if it is in a list too.
  document.querySelector(`[data-change-id="${change.id}"]`)?.classList.add("selected");
}

/** Reopen the claim, statement or brief the URL names, if any. */
async function reopenSelection() {
  const kind = ["claim", "statement", "brief"].find((name) => filters[name]);
  if (!kind) return;
  try {
    if (kind === "brief") await showBrief(briefElements, filters.brief, null, filters.actor);
    else await openInBrief({ kind, item: await getJson(`/v1/${kind}s/${filters[kind]}`) });
  } catch (error) {
    filters.claim = filters.statement = filters.brief = null;
    writeUrl();
    showProblem(error);
  }
}

function pager(name, render, options = {}) {
  return new CursorPager({
    path: `/v1/${name}`,
    section: byId(name),
    previous: byId(`${name}-previous`),
    next: byId(`${name}-next`),
    label: byId(`${name}-page`),
    render,
    onError: showProblem,
    ...options,
  });
}

const claims = pager("claims", (page, total) =>
  renderClaims(byId("claims-rows"), byId("claims-summary"), page, total, openInBrief),
);
const statements = pager("statements", (page, total) =>
  renderStatements(
    byId("statements-list"), byId("statements-summary"), page, total, filters.actor, openInBrief,
  ),
);

// The change feed read from its end, paged backwards with `before`; no total.
const changes = pager(
  "changes",
  (page) => renderChanges(byId("changes-list"), byId("changes-summary"), page, openChange),
  { cursorName: "before", counted: false },
);

let lastStats = null;

async function busyWhile(id, work) {
  setBusy(byId(id), true);
  try {
    await work();
  } catch (error) {
    showProblem(error);
  } finally {
    setBusy(byId(id), false);
  }
}

function drawTimeline() {
  if (!lastStats) return;
  renderStatusCounts(byId("status-counts"), lastStats.claims_by_status);
  const elements = {
    chart: byId("timeline-chart"), legend: byId("timeline-legend"), rows: byId("timeline-rows"),
    undated: byId("timeline-undated"),
  };
  renderTimeline(elements, lastStats, filters, (dateFrom, dateTo) => {
    form.elements.date_from.value = dateFrom;
    form.elements.date_to.value = dateTo;
    apply(filters.actor);
  });
}

function focusActor(actor) {
  filters.focus = actor.slug;
  writeUrl();
  return refreshNetwork();
}

function refreshNetwork() {
  return busyWhile("network", async () => {
    const slug = filters.focus ?? filters.actor?.slug ?? lastStats?.top_actors[0]?.actor.slug;
    const elements = { heading: byId("network-heading"), chart: byId("network-chart"), list: byId("network-list") };
    if (!slug) {
      elements.chart.replaceChildren(h("p", { class: "muted" }, "No actor under these filters."));
      elements.list.replaceChildren();
      return;
    }
    const { actor: _actor, location: _location, ...params } = apiParams(filters);
    const related = await getJson(`/v1/actors/${encodeURIComponent(slug)}/related`, { ...params, limit: 12 });
    renderNetwork(elements, related, focusActor);
  });
}

function choosePlace(location) {
  form.elements.location.value = location;
  return apply(filters.actor);
}

async function refreshStats() {
  lastStats = null;
  await busyWhile("timeline", async () => {
    lastStats = await getJson("/v1/stats", apiParams(filters));
    drawTimeline();
  });
  if (!lastStats) {
    // The API refused the filters (the problem is shown): the map and network wait too.
    setBusy(byId("where"), false);
    setBusy(byId("network"), false);
    return;
  }
  const mapElements = { map: byId("map"), places: byId("map-places"), note: byId("map-note") };
  await Promise.all([
    busyWhile("where", () => renderMap(mapElements, lastStats.events_by_place, filters.location, choosePlace)),
    refreshNetwork(),
  ]);
}

function refresh() {
  clearProblem();
  writeUrl();
  return Promise.all([
    refreshStats(),
    claims.reset(apiParams(filters)),
    statements.reset(statementParams(filters)),
    changes.reset(changeParams(filters)),
  ]);
}

function apply(actor) {
  filters = readForm(form, actor, { ...filters, claim: null, statement: null, brief: null });
  showActor(actor);
  return refresh();
}

/** The actor a URL names by slug, fetched for its name; an unknown slug is an error. */
async function resolveActor(actor) {
  if (!actor) return { actor: null, error: null };
  try {
    return { actor: await getJson(`/v1/actors/${encodeURIComponent(actor.slug)}`), error: null };
  } catch (error) {
    return { actor: null, error };
  }
}

function listen() {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    apply(filters.actor);
  });
  form.addEventListener("reset", (event) => {
    event.preventDefault();
    writeForm(form, noFilters());
    filters.focus = null;
    filters.change = byId("change-type").value = "";
    apply(null);
  });
  byId("change-type").addEventListener("change", (event) => {
    filters.change = event.target.value;
    writeUrl();
    changes.reset(changeParams(filters));
  });
  byId("actor-clear").addEventListener("click", () => {
    apply(null);
    byId("actor-input").focus();
  });
  attachActorSearch({
    input: byId("actor-input"),
    listbox: byId("actor-options"),
    status: byId("actor-status"),
    onChoose: (actor) => {
      filters.focus = null;
      apply(actor);
    },
    onError: showProblem,
  });
  let width = window.innerWidth;
  window.addEventListener("resize", () => {
    if (window.innerWidth !== width) drawTimeline();
    width = window.innerWidth;
  });
}

async function start() {
  filters = readUrl(window.location.search);
  writeForm(form, filters);
  const types = Object.entries(CHANGE_TYPES).map(([type, text]) => h("option", { value: type }, text));
  byId("change-type").append(...types);
  byId("change-type").value = filters.change in CHANGE_TYPES ? filters.change : "";
  const { actor, error } = await resolveActor(filters.actor);
  filters.actor = actor;
  showActor(actor);
  listen();
  await refresh();
  await reopenSelection();
  if (error) showProblem(error);
}

start();
