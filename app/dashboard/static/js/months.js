// Months as numbers (year * 12 + month - 1), so an axis can count the months between two.

/** "2025-09" -> its month number. */
export function monthNumber(month) {
  const [year, number] = month.split("-").map(Number);
  return year * 12 + number - 1;
}

/** A month number -> "2025-09". */
export function monthText(value) {
  const year = Math.floor(value / 12);
  return `${String(year).padStart(4, "0")}-${String((value % 12) + 1).padStart(2, "0")}`;
}

/** The first day of a month number, as an ISO date. */
export function firstDay(value) {
  return `${monthText(value)}-01`;
}

/** The last day of a month number, as an ISO date. */
export function lastDay(value) {
  const year = Math.floor(value / 12);
  const days = new Date(Date.UTC(year, (value % 12) + 1, 0)).getUTCDate();
  return `${monthText(value)}-${String(days).padStart(2, "0")}`;
}
