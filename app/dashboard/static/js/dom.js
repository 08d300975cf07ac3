// DOM helpers. Data is only ever inserted as text: `h` appends strings as text nodes and
// nothing here parses HTML, so names and quotations from briefs cannot inject markup.

/** Create `tag` with attributes, event listeners (`on<event>`) and children (nodes or text). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  element.append(...children.flat().filter((child) => child !== null && child !== undefined));
  return element;
}

/** Call `action` once `delay` ms have passed without another call. */
export function debounce(action, delay) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => action(...args), delay);
  };
}

/** An ISO date as written, or "undated". */
export function dateText(isoDate) {
  return isoDate ?? "undated";
}

/** A time from the API (ISO 8601) as a `<time>`, in UTC to the minute: "2025-05-13 09:40 UTC". */
export function timeElement(isoTime) {
  const text = `${new Date(isoTime).toISOString().slice(0, 16).replace("T", " ")} UTC`;
  return h("time", { datetime: isoTime, class: "when" }, text);
}

/** A badge showing `value` as text, coloured by `variant` (colour is never the only cue). */
export function badge(value, variant = value) {
  return h("span", { class: `badge badge-${variant}` }, value);
}

/** Mark a section busy or done, for assistive technology and for tests. */
export function setBusy(section, busy) {
  section.setAttribute("aria-busy", busy ? "true" : "false");
}

/** The "Show in brief" button of a claim or statement; `onOpen` gets `{kind, item}`. */
export function showInBriefButton(kind, item, onOpen) {
  return h(
    "button",
    {
      type: "button",
      class: "small",
      "aria-label": `Show in brief: ${kind} ${item.id}`,
      onclick: () => onOpen({ kind, item }),
    },
    "Show in brief",
  );
}
