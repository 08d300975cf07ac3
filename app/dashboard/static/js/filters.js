// The filter state: read from and written to the form and the page URL, and turned into
// API query parameters.

export const STATUSES = ["verified", "unconfirmed", "disputed", "reported"];

/** Empty filters. */
export function noFilters() {
  return { actor: null, dateFrom: "", dateTo: "", statuses: [] };
}

/** The filters shown in `form`, with the actor chosen in the combobox. */
export function readForm(form, actor) {
  const data = new FormData(form);
  return {
    actor,
    dateFrom: String(data.get("date_from") ?? ""),
    dateTo: String(data.get("date_to") ?? ""),
    statuses: data.getAll("status").map(String),
  };
}

/** Show `filters` in `form`. */
export function writeForm(form, filters) {
  form.elements.date_from.value = filters.dateFrom;
  form.elements.date_to.value = filters.dateTo;
  for (const box of form.querySelectorAll('input[name="status"]')) {
    box.checked = filters.statuses.includes(box.value);
  }
}

/** Filters from a page URL's query string; the actor is known by slug only. */
export function readUrl(search) {
  const params = new URLSearchParams(search);
  const slug = params.get("actor");
  return {
    actor: slug ? { slug, name: slug } : null,
    dateFrom: params.get("date_from") ?? "",
    dateTo: params.get("date_to") ?? "",
    statuses: params.getAll("status").filter((status) => STATUSES.includes(status)),
  };
}

/** Query parameters for the API's lists and stats; `status` applies to claims only. */
export function apiParams(filters) {
  return {
    actor: filters.actor?.slug,
    date_from: filters.dateFrom,
    date_to: filters.dateTo,
    status: filters.statuses,
  };
}

/** The same parameters without `status`, for statements. */
export function statementParams(filters) {
  const { status: _ignored, ...params } = apiParams(filters);
  return params;
}
