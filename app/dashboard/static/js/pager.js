// Keyset paging over a `/v1` list: remembers the cursors seen so it can go back.

import { getJson } from "./api.js";
import { setBusy } from "./dom.js";

export const PAGE_SIZE = 20;

/** Pages through `path`; `render(page)` draws one page, `onError(error)` reports failures. */
export class CursorPager {
  constructor({ path, section, previous, next, label, render, onError }) {
    Object.assign(this, { path, section, previous, next, label, render, onError });
    this.params = {};
    this.cursors = [null];
    this.index = 0;
    previous.addEventListener("click", () => this.show(this.index - 1));
    next.addEventListener("click", () => this.show(this.index + 1));
  }

  /** Start again from the first page with new query parameters. */
  reset(params) {
    this.params = params;
    this.cursors = [null];
    return this.show(0);
  }

  async show(index) {
    setBusy(this.section, true);
    try {
      const query = { ...this.params, limit: PAGE_SIZE, cursor: this.cursors[index] };
      const page = await getJson(this.path, { ...query, include_total: index === 0 });
      if (index === 0) this.total = page.total;
      this.index = index;
      this.cursors[index + 1] = page.next_cursor;
      this.render(page, this.total);
      this.update(page.items.length);
    } catch (error) {
      this.onError(error);
    } finally {
      setBusy(this.section, false);
    }
  }

  update(count) {
    this.previous.disabled = this.index === 0;
    this.next.disabled = !this.cursors[this.index + 1];
    const first = this.index * PAGE_SIZE + 1;
    const range = `${first}–${first + count - 1} of ${this.total}`;
    this.label.textContent = count ? `Page ${this.index + 1} (${range})` : "";
  }
}
