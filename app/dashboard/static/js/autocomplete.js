// Actor search: an ARIA combobox whose suggestions come from `GET /v1/actors?q=`,
// debounced and cancelled when the user types on.

import { getJson } from "./api.js";
import { debounce, h } from "./dom.js";

const DELAY_MS = 250;
const MIN_LENGTH = 2;
const LIMIT = 8;

/** Wire `input` and `listbox`; `onChoose(actor)` gets the chosen actor, `onError(error)` failures. */
export function attachActorSearch({ input, listbox, status, onChoose, onError }) {
  let actors = [];
  let active = -1;
  let controller = null;

  const close = () => {
    actors = [];
    active = -1;
    listbox.hidden = true;
    listbox.replaceChildren();
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  };

  const choose = (actor) => {
    close();
    input.value = "";
    onChoose(actor);
  };

  const highlight = (index) => {
    active = index;
    for (const [position, option] of [...listbox.children].entries()) {
      option.setAttribute("aria-selected", position === index ? "true" : "false");
    }
    if (index >= 0) {
      input.setAttribute("aria-activedescendant", listbox.children[index].id);
      listbox.children[index].scrollIntoView({ block: "nearest" });
    }
  };

  const option = (actor, index) =>
    h(
      "li",
      {
        id: `actor-option-${index}`,
        role: "option",
        "aria-selected": "false",
        // Keep focus in the input while clicking, so the list does not close first.
        onmousedown: (event) => event.preventDefault(),
        onclick: () => choose(actor),
      },
      h("span", {}, actor.name),
      h("span", { class: "kind" }, actor.kind),
    );

  const show = (found) => {
    if (document.activeElement !== input) return;
    actors = found;
    listbox.replaceChildren(...found.map(option));
    listbox.hidden = found.length === 0;
    input.setAttribute("aria-expanded", found.length ? "true" : "false");
    status.textContent = found.length ? `${found.length} actors found` : "No actor found";
    highlight(-1);
  };

  const search = debounce(async () => {
    const term = input.value.trim();
    controller?.abort();
    if (term.length < MIN_LENGTH) return close();
    controller = new AbortController();
    try {
      const page = await getJson("/v1/actors", { q: term, limit: LIMIT }, controller.signal);
      show(page.items);
    } catch (error) {
      if (error.name !== "AbortError") onError(error);
    }
  }, DELAY_MS);

  const onKey = (event) => {
    if (event.key === "Escape") return close();
    if (!actors.length) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      highlight((active + step + actors.length) % actors.length);
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      choose(actors[active]);
    }
  };

  input.addEventListener("input", search);
  input.addEventListener("keydown", onKey);
  input.addEventListener("blur", close);
}
