// The brief view: the source text from `GET /v1/briefs/{id}/source`, with the selected
// claim or statement highlighted by its span.

import { getJson, getText } from "./api.js";
import { dateText, h, setBusy } from "./dom.js";

const briefs = new Map();

/**
 * Split `text` around `span`. Spans count characters (Unicode code points) while
 * JavaScript strings index UTF-16 units, so the text is split into code points first.
 */
export function splitBySpan(text, span) {
  const characters = Array.from(text);
  const start = Math.min(span.start, characters.length);
  const end = Math.min(Math.max(span.end, start), characters.length);
  return [
    characters.slice(0, start).join(""),
    characters.slice(start, end).join(""),
    characters.slice(end).join(""),
  ];
}

async function loadBrief(id) {
  if (!briefs.has(id)) {
    const loading = Promise.all([getJson(`/v1/briefs/${id}`), getText(`/v1/briefs/${id}/source`)]);
    briefs.set(id, loading);
    loading.catch(() => briefs.delete(id));
  }
  const [brief, source] = await briefs.get(id);
  return { brief, source };
}

function describe(selection) {
  const { kind, item } = selection;
  const label = kind === "claim" ? `claim (${item.status})` : `statement (${item.kind})`;
  return `Highlighted: ${label}, characters ${item.span.start}–${item.span.end}.`;
}

function meta(brief) {
  return [dateText(brief.occurred_on), brief.location, brief.source_name].filter(Boolean).join(" · ");
}

/** Show the brief of `selection` ({kind, item}) with `item.span` highlighted. */
export async function showBrief(elements, selection) {
  const { section, heading, metaLine, selectionLine, source } = elements;
  setBusy(section, true);
  try {
    const { brief, source: text } = await loadBrief(selection.item.brief.id);
    const [before, highlighted, after] = splitBySpan(text, selection.item.span);
    const mark = h("mark", { id: "highlight" }, highlighted);
    heading.textContent = brief.title ?? `Brief ${brief.id}`;
    metaLine.textContent = meta(brief);
    selectionLine.textContent = describe(selection);
    selectionLine.hidden = false;
    source.replaceChildren(before, mark, after);
    source.hidden = false;
    heading.focus({ preventScroll: true });
    mark.scrollIntoView({ block: "center" });
  } finally {
    setBusy(section, false);
  }
}
