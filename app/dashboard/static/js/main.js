// The dashboard page: wires the filters, the timeline, the map, the network of actors, the
// claims and statements lists and the brief view together. Everything it shows comes from
// the public `/v1` API, and the whole view (filters, selection, actor in focus) is in the
// page URL, so reopening the URL shows the same view.

import { ApiError, getJson, queryString } from "./api.js";
import { attachActorSearch } from "./autocomplete.js";
import { showBrief } from "./brief.js";
import { renderClaims } from "./claims.js";
import { h, setBusy } from "./dom.js";
import {
  apiParams, noFilters, readForm, readUrl, statementParams, urlParams, writeForm,
} from "./filters.js";
import { renderMap } from "./map.js";
import { renderNetwork } from "./network.js";
import { CursorPager } from "./pager.js";
import { renderStatements } from "./statements.js";
import { renderStatusCounts, renderTimeline } from "./timeline.js";

const byId = (id) => document.getElementById(id);
const form = byId("filters");
let filters = noFilters();

function showProblem(error) {
  const problem =
    error instanceof ApiError ? error.problem : { title: "Unexpected error", detail: error.message };
  // The detail already names a single invalid parameter; list them when there are several.
  const params = problem.invalid_params ?? [];
  const reasons = params.length > 1 ? params.map((p) => h("li", {}, `${p.name}: ${p.reason}`)) : [];
  byId("problem").replaceChildren(
    h("strong", {}, problem.title ?? "Error"),
    " ",
    problem.detail ?? "",
    reasons.length ? h("ul", {}, reasons) : null,
  );
  byId("problem").hidden = false;
}

function clearProblem() {
  byId("problem").hidden = true;
  byId("problem").replaceChildren();
}

function showActor(actor) {
  byId("actor-chosen-name").textContent = actor ? `Actor: ${actor.name}` : "";
  byId("actor-chosen").hidden = !actor;
}

function markSelected({ kind, item }) {
  for (const element of document.querySelectorAll(".selected")) element.classList.remove("selected");
  document.querySelector(`[data-${kind}-id="${item.id}"]`)?.classList.add("selected");
}

const briefElements = {
  section: byId("brief"),
  heading: byId("brief-heading"),
  metaLine: byId("brief-meta"),
  selectionLine: byId("brief-selection"),
  source: byId("brief-source"),
};

function writeUrl() {
  history.replaceState(null, "", `/dashboard${queryString(urlParams(filters))}`);
}

function openInBrief(selection) {
  filters.claim = selection.kind === "claim" ? selection.item.id : null;
  filters.statement = selection.kind === "statement" ? selection.item.id : null;
  writeUrl();
  markSelected(selection);
  return showBrief(briefElements, selection, filters.actor).catch(showProblem);
}

/** Reopen the claim or statement the URL names, if any. */
async function reopenSelection() {
  const [kind, id] = filters.claim ? ["claim", filters.claim] : ["statement", filters.statement];
  if (!id) return;
  try {
    await openInBrief({ kind, item: await getJson(`/v1/${kind}s/${id}`) });
  } catch (error) {
    filters.claim = filters.statement = null;
    writeUrl();
    showProblem(error);
  }
}

function pager(name, render) {
  return new CursorPager({
    path: `/v1/${name}`,
    section: byId(name),
    previous: byId(`${name}-previous`),
    next: byId(`${name}-next`),
    label: byId(`${name}-page`),
    render,
    onError: showProblem,
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
  ]);
}

function apply(actor) {
  filters = readForm(form, actor, { ...filters, claim: null, statement: null });
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
    apply(null);
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
  const { actor, error } = await resolveActor(filters.actor);
  filters.actor = actor;
  showActor(actor);
  listen();
  await refresh();
  await reopenSelection();
  if (error) showProblem(error);
}

start();
