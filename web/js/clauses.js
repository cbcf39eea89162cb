// Which clauses of a document are shown, and how: shared by the document view and the contract family view.
// A searchable clause carries the full text of its sub-items, so those are not shown again;
// a container of searchable clauses (a chapter) is shown as a heading only.

/**
 * Lays out a clause list. Returns
 *   shown: [{ clause, headingOnly, level }] in document order, and
 *   shownFor(clauseId): the id of the shown clause that holds clauseId (itself, or the nearest shown ancestor), or null.
 */
export function clauseLayout(clauses) {
  const byId = new Map((Array.isArray(clauses) ? clauses : []).filter((c) => c && c.clauseId != null).map((c) => [c.clauseId, c]));
  const parentOf = (c) => (c.parentId ? byId.get(c.parentId) : undefined);
  const isSearchable = (c) => c.searchable !== false;
  const containers = new Set();
  for (const c of byId.values()) {
    if (!isSearchable(c)) continue;
    for (let p = parentOf(c); p; p = parentOf(p)) containers.add(p.clauseId);
  }
  const insideShown = (c) => {
    for (let p = parentOf(c); p; p = parentOf(p)) if (isSearchable(p)) return true;
    return false;
  };
  const shown = [];
  for (const clause of byId.values()) {
    if (insideShown(clause)) continue;
    const headingOnly = !isSearchable(clause) && containers.has(clause.clauseId);
    const level = Number.isInteger(clause.level) ? Math.min(Math.max(clause.level, 0), 6) : 1;
    shown.push({ clause, headingOnly, level });
  }
  const shownIds = new Set(shown.map((entry) => entry.clause.clauseId));
  const shownFor = (clauseId) => {
    for (let c = byId.get(clauseId); c; c = parentOf(c)) if (shownIds.has(c.clauseId)) return c.clauseId;
    return null;
  };
  return { shown, shownFor };
}

/** The clause text without its first line when that line only repeats the number and heading shown above it. */
export function bodyOf(clause) {
  const text = clause.text ?? '';
  const number = clause.number ?? '';
  if (!number || !text.startsWith(number)) return text;
  const newline = text.indexOf('\n');
  const firstLine = newline < 0 ? text : text.slice(0, newline);
  const rest = firstLine.slice(number.length).replace(/^[\s\u3000:：、.．]+/, '');
  if (rest === '' || rest === (clause.heading ?? '')) return newline < 0 ? '' : text.slice(newline + 1).replace(/^\n+/, '');
  return text;
}
