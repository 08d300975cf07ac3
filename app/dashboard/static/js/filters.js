// The view state: filters, the selected claim or statement (or whole brief), the actor in
// focus and the kind of change listed, read from and written to the form and the page URL,
// and turned into API query parameters.

export const STATUSES = ["verified", "unconfirmed", "disputed", "reported"];

/** No filters, nothing selected. */
export function noFilters() {
  return {
    actor: null, dateFrom: "", dateTo: "", statuses: [], location: "",
    claim: null, statement: null, brief: null, focus: null, change: "",
  };
}

/** The filters shown in `form`, with the actor chosen in the combobox; the rest of `view` kept. */
export function readForm(form, actor, view = noFilters()) {
  const data = new FormData(form);
  return {
    ...view,
    actor,
    dateFrom: String(data.get("date_from") ?? ""),
    dateTo: String(data.get("date_to") ?? ""),
    statuses: data.getAll("status").map(String),
    location: String(data.get("location") ?? "").trim(),
  };
}

/** Show `filters` in `form`. */
export function writeForm(form, filters) {
  form.elements.date_from.value = filters.dateFrom;
  form.elements.date_to.value = filters.dateTo;
  form.elements.location.value = filters.location;
  for (const box of form.querySelectorAll('input[name="status"]')) {
    box.checked = filters.statuses.includes(box.value);
  }
}

function positiveId(text) {
  return /^[1-9][0-9]{0,9}$/.test(text ?? "") ? Number(text) : null;
}

/** The view from a page URL's query string; actors are known by slug only. */
export function readUrl(search) {
  const params = new URLSearchParams(search);
  const slug = params.get("actor");
  return {
    actor: slug ? { slug, name: slug } : null,
    dateFrom: params.get("date_from") ?? "",
    dateTo: params.get("date_to") ?? "",
    statuses: params.getAll("status").filter((status) => STATUSES.includes(status)),
    location: params.get("location") ?? "",
    claim: positiveId(params.get("claim")),
    statement: positiveId(params.get("statement")),
    brief: positiveId(params.get("brief")),
    focus: params.get("focus") || null,
    change: params.get("change") ?? "",
  };
}

/** Query parameters for the API's lists and stats; `status` applies to claims only. */
export function apiParams(filters) {
  return {
    actor: filters.actor?.slug,
    date_from: filters.dateFrom,
    date_to: filters.dateTo,
    status: filters.statuses,
    location: filters.location,
  };
}

/** The same parameters without `status`, for statements. */
export function statementParams(filters) {
  const { status: _ignored, ...params } = apiParams(filters);
  return params;
}

/** Query parameters for the recently changed list: newest first, the actor and the type. */
export function changeParams(filters) {
  return { sort: "-id", actor: filters.actor?.slug, type: filters.change };
}

/** The page URL's parameters: the filters, then what is selected and in focus. */
export function urlParams(view) {
  const { claim, statement, brief, focus, change } = view;
  return { ...apiParams(view), claim, statement, brief, focus, change };
}
