// Keyset paging over a `/v1` list: remembers the cursors seen so it can go back.

import { getJson } from "./api.js";
import { setBusy } from "./dom.js";

export const PAGE_SIZE = 20;

/**
 * Pages through `path`; `render(page, total)` draws one page (and may return a promise),
 * `onError(error)` reports failures. The cursor goes out as `cursorName` (the change feed
 * pages backwards with `before`); a list that is not `counted` is asked for no total.
 */
export class CursorPager {
  constructor({ path, section, previous, next, label, render, onError, cursorName = "cursor", counted = true }) {
    Object.assign(this, { path, section, previous, next, label, render, onError, cursorName, counted });
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
      const query = { ...this.params, limit: PAGE_SIZE, [this.cursorName]: this.cursors[index] };
      const page = await getJson(this.path, this.counted ? { ...query, include_total: index === 0 } : query);
      if (index === 0) this.total = page.total;
      this.index = index;
      // A full page may have more after it; a shorter one is the last (the feed's cursor
      // is never null).
      const more = page.next_cursor && (this.counted || page.items.length === PAGE_SIZE);
      this.cursors[index + 1] = more ? page.next_cursor : null;
      await this.render(page, this.total);
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
    const range = this.counted ? ` (${first}–${first + count - 1} of ${this.total})` : "";
    this.label.textContent = count ? `Page ${this.index + 1}${range}` : "";
  }
}
