// The alert above the lists: an API's `application/problem+json` answer (its title, detail
// and invalid parameters) or any other error, shown as text.

import { ApiError } from "./api.js";
import { h } from "./dom.js";

const alertBox = () => document.getElementById("problem");

/** Show a refused request (its problem document) or any other error in the alert. */
export function showProblem(error) {
  const problem =
    error instanceof ApiError ? error.problem : { title: "Unexpected error", detail: error.message };
  // The detail already names a single invalid parameter; list them when there are several.
  const params = problem.invalid_params ?? [];
  const reasons = params.length > 1 ? params.map((p) => h("li", {}, `${p.name}: ${p.reason}`)) : [];
  alertBox().replaceChildren(
    h("strong", {}, problem.title ?? "Error"),
    " ",
    problem.detail ?? "",
    reasons.length ? h("ul", {}, reasons) : null,
  );
  alertBox().hidden = false;
}

/** Empty and hide the alert. */
export function clearProblem() {
  alertBox().hidden = true;
  alertBox().replaceChildren();
}
