// SVG helpers: elements in the SVG namespace, built like `h` builds HTML (text as text).

const NS = "http://www.w3.org/2000/svg";

/** Create SVG `tag` with attributes, listeners (`on<event>`) and children (nodes or text). */
export function s(tag, attributes = {}, ...children) {
  const element = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, String(value));
  }
  element.append(...children.flat().filter((child) => child !== null && child !== undefined));
  return element;
}

/** An `<svg>` drawn in a `width` x `height` box that scales to its container's width. */
export function canvas(width, height, label) {
  return s("svg", {
    viewBox: `0 0 ${width} ${height}`, width: "100%", role: "img", "aria-label": label,
    preserveAspectRatio: "xMidYMid meet",
  });
}

/** Make `element` act as a button: focusable, Enter and Space press it. */
export function asButton(element, label, onPress) {
  element.setAttribute("role", "button");
  element.setAttribute("tabindex", "0");
  element.setAttribute("aria-label", label);
  element.addEventListener("click", onPress);
  element.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onPress(event);
    }
  });
  return element;
}
