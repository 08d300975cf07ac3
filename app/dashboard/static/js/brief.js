// The brief view: the source text from `GET /v1/briefs/{id}/source`, with the selected
// claim or statement (if any) highlighted by its span, and every mention of the actor in focus
// (`GET /v1/actors/{id_or_slug}/mentions?brief=`) marked wherever the brief names it.

import { getJson, getText } from "./api.js";
import { dateText, h, setBusy } from "./dom.js";

const briefs = new Map();
const MENTIONS_PAGE = 200;

async function loadBrief(id) {
  if (!briefs.has(id)) {
    const loading = Promise.all([getJson(`/v1/briefs/${id}`), getText(`/v1/briefs/${id}/source`)]);
    briefs.set(id, loading);
    loading.catch(() => briefs.delete(id));
  }
  const [brief, source] = await briefs.get(id);
  return { brief, source };
}

/** The spans of every mention of `actor` in brief `briefId`, page after page. */
async function loadMentions(actor, briefId) {
  if (!actor) return [];
  const path = `/v1/actors/${encodeURIComponent(actor.slug)}/mentions`;
  const spans = [];
  let cursor;
  do {
    const page = await getJson(path, { brief: briefId, limit: MENTIONS_PAGE, cursor });
    spans.push(...page.items.map((mention) => mention.span));
    cursor = page.next_cursor;
  } while (cursor);
  return spans;
}

/**
 * The source text as nodes: the `selected` span in `mark#highlight`, each of the
 * `mentions` spans in a `mark.mention` (inside the highlight where they overlap it).
 * Spans count characters (Unicode code points) while JavaScript strings index UTF-16
 * units, so the text is split into code points first. Returns the nodes and the highlight
 * (empty and outside the nodes when `selected` is null).
 */
export function markSource(text, selected, mentions) {
  const characters = Array.from(text);
  const clamp = (span) => {
    const start = Math.min(Math.max(span.start, 0), characters.length);
    return { start, end: Math.min(Math.max(span.end, start), characters.length) };
  };
  // Nothing selected (the whole brief shown): no highlight, only the mentions.
  const chosen = selected ? clamp(selected) : { start: -1, end: -1 };
  const named = mentions.map(clamp);
  const cuts = new Set([0, characters.length]);
  if (selected) cuts.add(chosen.start).add(chosen.end);
  for (const span of named) cuts.add(span.start).add(span.end);
  const points = [...cuts].sort((a, b) => a - b);
  const within = (span, at) => span.start <= at && at < span.end;
  const highlight = h("mark", { id: "highlight" });
  const nodes = [];
  for (const [i, from] of points.entries()) {
    if (from === chosen.start) nodes.push(highlight); // points are distinct: once, even if empty
    if (i + 1 === points.length) break;
    const piece = characters.slice(from, points[i + 1]).join("");
    const isNamed = named.some((span) => within(span, from));
    const node = isNamed ? h("mark", { class: "mention" }, piece) : piece;
    if (within(chosen, from)) highlight.append(node);
    else nodes.push(node);
  }
  return { nodes, highlight };
}

function describe(selection, actor, mentions) {
  let line = "The whole brief, as it stands now.";
  if (selection) {
    const { kind, item } = selection;
    const label = kind === "claim" ? `claim (${item.status})` : `statement (${item.kind})`;
    line = `Highlighted: ${label}, characters ${item.span.start}–${item.span.end}.`;
  }
  if (!actor) return line;
  const times = mentions.length === 1 ? "1 place" : `${mentions.length} places`;
  return `${line} ${actor.name} is named in ${times} in this brief, each marked.`;
}

function meta(brief) {
  return [dateText(brief.occurred_on), brief.location, brief.source_name].filter(Boolean).join(" · ");
}

/**
 * Show brief `briefId` with the span of `selection` ({kind, item}, or null for none)
 * highlighted and, when an `actor` is in focus, every place the brief names it marked.
 */
export async function showBrief(elements, briefId, selection, actor = null) {
  const { section, heading, metaLine, selectionLine, source } = elements;
  setBusy(section, true);
  try {
    const [{ brief, source: text }, mentions] = await Promise.all([
      loadBrief(briefId),
      loadMentions(actor, briefId),
    ]);
    const { nodes, highlight: mark } = markSource(text, selection?.item.span, mentions);
    heading.textContent = brief.label;
    metaLine.textContent = meta(brief);
    selectionLine.textContent = describe(selection, actor, mentions);
    selectionLine.hidden = false;
    source.replaceChildren(...nodes);
    source.hidden = false;
    heading.focus({ preventScroll: true });
    if (selection) mark.scrollIntoView({ block: "center" });
    else {
      source.scrollTop = 0;
      heading.scrollIntoView({ block: "nearest" });
    }
  } finally {
    setBusy(section, false);
  }
}
