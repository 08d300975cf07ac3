// The dashboard page: wires the filters, the timeline, the claims and statements lists and
// the brief view together. Everything it shows comes from the public `/v1` API.

import { ApiError, getJson, queryString } from "./api.js";
import { attachActorSearch } from "./autocomplete.js";
import { showBrief } from "./brief.js";
import { renderClaims } from "./claims.js";
import { h, setBusy } from "./dom.js";
import { apiParams, noFilters, readForm, readUrl, statementParams, writeForm } from "./filters.js";
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

function openInBrief(selection) {
  markSelected(selection);
  showBrief(briefElements, selection, filters.actor).catch(showProblem);
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

async function refreshTimeline() {
  setBusy(byId("timeline"), true);
  try {
    const params = apiParams(filters);
    const stats = await getJson("/v1/stats", params);
    renderStatusCounts(byId("status-counts"), stats.claims_by_status);
    renderTimeline(byId("timeline-rows"), stats.statements_by_month, stats.claims_by_month);
  } catch (error) {
    showProblem(error);
  } finally {
    setBusy(byId("timeline"), false);
  }
}

function refresh() {
  clearProblem();
  history.replaceState(null, "", `/dashboard${queryString(apiParams(filters))}`);
  return Promise.all([
    refreshTimeline(),
    claims.reset(apiParams(filters)),
    statements.reset(statementParams(filters)),
  ]);
}

function apply(actor) {
  filters = readForm(form, actor);
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
    onChoose: (actor) => apply(actor),
    onError: showProblem,
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
  if (error) showProblem(error);
}

start();
