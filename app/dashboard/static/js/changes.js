// Recently changed: the change feed read from its end (`GET /v1/changes?sort=-id`), each
// change with its type, a claim's old and new status, the text of what changed and its
// brief's label, and when. A brief's label and whether it is still stored come from its
// revisions (`GET /v1/briefs/{id}/revisions`, once per brief, which answers for a deleted
// brief too: its tombstone keeps the last label); the texts from the revisions that hold
// them (`GET /v1/briefs/{id}/revisions/{n}`). An entry about a brief still stored is a
// button that opens it.

import { getJson } from "./api.js";
import { badge, h, timeElement } from "./dom.js";

export const CHANGE_TYPES = {
  "brief.created": "Brief created",
  "brief.updated": "Brief revised",
  "brief.deleted": "Brief deleted",
  "claim.added": "Claim added",
  "claim.removed": "Claim removed",
  "claim.status_changed": "Claim status changed",
  "statement.added": "Statement added",
  "statement.removed": "Statement removed",
  "event.added": "Event added",
  "event.removed": "Event removed",
};

// Per brief: its label and its current revision (null once deleted), fetched once per
// page shown (it may have been revised or deleted since); per revision of a brief: the
// texts it had, fetched once.
const briefs = new Map();
const revisions = new Map();

function once(cache, key, load) {
  if (!cache.has(key)) {
    const loading = load();
    cache.set(key, loading);
    loading.catch(() => cache.delete(key));
  }
  return cache.get(key);
}

/** `kind:id` -> text of every claim, statement and event (its title) of a revision. */
function textsOf(document) {
  const texts = new Map();
  for (const claim of document.claims) texts.set(`claim:${claim.id}`, claim.text);
  for (const statement of document.statements) texts.set(`statement:${statement.id}`, statement.text);
  for (const event of document.events) texts.set(`event:${event.id}`, event.title);
  return texts;
}

function briefOf(briefId) {
  return once(briefs, briefId, () => getJson(`/v1/briefs/${briefId}/revisions`).then((list) => {
    const last = list.items.at(-1);
    const current = last.kind === "deleted" ? null : last.number;
    return { label: last.label ?? last.source_name, current };
  }));
}

function revisionTexts(briefId, number) {
  return once(revisions, `${briefId}/${number}`, () =>
    getJson(`/v1/briefs/${briefId}/revisions/${number}`).then(textsOf));
}

/**
 * The text of the claim, statement or event a change is about (null for a brief's): from
 * the brief's current revision, else from the revision that last had it (the one before,
 * for a removal).
 */
async function itemText(change, brief) {
  const [kind, what] = change.type.split(".");
  if (kind === "brief") return null;
  const key = `${kind}:${change.item_id}`;
  if (brief.current !== null) {
    const now = await revisionTexts(change.brief_id, brief.current);
    if (now.has(key)) return now.get(key);
  }
  const number = what === "removed" ? change.revision - 1 : change.revision;
  return number >= 1 ? (await revisionTexts(change.brief_id, number)).get(key) ?? null : null;
}

function statuses(change) {
  if (change.type === "claim.status_changed") {
    // One unit, so a narrow screen moves it to the next line whole, arrow and all.
    const arrow = h("span", { class: "arrow", "aria-label": "to" }, "→");
    return [h("span", { class: "status-change" }, badge(change.old_status), arrow, badge(change.new_status))];
  }
  if (change.type === "claim.added") return [badge(change.new_status)];
  if (change.type === "claim.removed") return [badge(change.old_status)];
  return [];
}

function entryBody(change, label, text) {
  return [
    h("span", { class: "change-line" },
      h("span", { class: "change-type" }, CHANGE_TYPES[change.type] ?? change.type), ...statuses(change)),
    text === null ? null : h("q", { class: "change-text" }, text),
    h("span", { class: "brief-label" }, label),
    h("span", { class: "change-meta" }, timeElement(change.changed_at), ` · revision ${change.revision}`),
  ];
}

function entry(change, brief, text, onOpen) {
  const body = entryBody(change, brief.label, text);
  const content = brief.current !== null
    ? h("button", { type: "button", class: "change-entry", onclick: () => onOpen(change) }, ...body)
    : h("div", { class: "change-entry" }, ...body);
  return h("li", { "data-change-id": change.id, "data-brief-id": change.brief_id, "data-type": change.type }, content);
}

/** Render one page of changes (newest first) into `list`; `onOpen(change)` opens one. */
export async function renderChanges(list, summary, page, onOpen) {
  briefs.clear();
  const briefIds = [...new Set(page.items.map((change) => change.brief_id))];
  const found = new Map(await Promise.all(briefIds.map(async (id) => [id, await briefOf(id)])));
  const texts = await Promise.all(page.items.map((change) => itemText(change, found.get(change.brief_id))));
  const items = page.items.map((change, index) => entry(change, found.get(change.brief_id), texts[index], onOpen));
  if (!items.length) items.push(h("li", { class: "muted" }, "No change matches."));
  list.replaceChildren(...items);
  summary.textContent = "The newest first. Choose one to open its claim, statement or brief.";
}
