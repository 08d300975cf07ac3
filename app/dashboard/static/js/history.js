// A claim's statuses over time (`GET /v1/claims/{id}/history`): every status it has had,
// with the revision of its brief that gave it and when, oldest first, the current one marked.

import { getJson } from "./api.js";
import { badge, h, setBusy, timeElement } from "./dom.js";

const CHANGE_TEXT = { added: "added", status_changed: "changed", removed: "removed" };

function entryItem(entry, current) {
  const status = entry.status ? badge(entry.status) : badge("removed", "removed");
  return h(
    "li",
    { "data-revision": entry.revision, "aria-current": current ? "true" : null, class: current ? "current" : null },
    status,
    h("span", { class: "history-what" }, `${CHANGE_TEXT[entry.change]} in revision ${entry.revision}`),
    timeElement(entry.recorded_at),
    current ? h("strong", { class: "history-current" }, "current") : null,
  );
}

/** Show the history of claim `claimId` in `elements` ({box, list}). */
export async function showClaimHistory(elements, claimId) {
  setBusy(elements.box, true);
  try {
    const history = await getJson(`/v1/claims/${claimId}/history`);
    const last = history.entries.length - 1;
    // The last entry is the claim's status now, unless a revision removed it.
    const isCurrent = (index) => index === last && history.entries[index].change !== "removed";
    elements.list.replaceChildren(...history.entries.map((entry, index) => entryItem(entry, isCurrent(index))));
    elements.box.hidden = false;
  } finally {
    setBusy(elements.box, false);
  }
}

/** Hide the history (a statement or a whole brief is shown). */
export function hideClaimHistory(elements) {
  elements.box.hidden = true;
  elements.list.replaceChildren();
}
