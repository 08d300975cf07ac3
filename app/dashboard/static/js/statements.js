// Statements with their speaker: one page of `GET /v1/statements`.

import { badge, dateText, h, showInBriefButton } from "./dom.js";

function speakerOf(statement) {
  const name = statement.speaker?.name ?? "Unattributed";
  return statement.speaker_role ? `${name} (${statement.speaker_role})` : name;
}

function statementItem(statement, onOpen) {
  const open = showInBriefButton("statement", statement, onOpen);
  return h(
    "li",
    { "data-statement-id": statement.id },
    h("blockquote", {}, statement.text),
    h(
      "p",
      { class: "meta" },
      h("span", { class: "speaker" }, speakerOf(statement)),
      badge(statement.kind, `kind-${statement.kind}`),
      h("span", {}, dateText(statement.occurred_on)),
      h("span", { class: "brief-label" }, statement.brief.label),
      open,
    ),
  );
}

/** Render one page of statements into `list`; `actor` names whose statements they are. */
export function renderStatements(list, summary, page, total, actor, onOpen) {
  const items = page.items.map((statement) => statementItem(statement, onOpen));
  if (!items.length) items.push(h("li", {}, "No statement matches the filters."));
  list.replaceChildren(...items);
  const whose = actor ? ` by or about ${actor.name}` : "";
  summary.textContent = `${total} ${total === 1 ? "statement" : "statements"}${whose}.`;
}
