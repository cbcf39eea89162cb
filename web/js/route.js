// Hash routes: "#/search?q=…&type=…&kind=…&party=…&year=…&sort=date&page=N" and "#/doc/{id}?clause={clauseId}".
// An empty hash is the search view without a query (the home page).

export const FILTERS = ['type', 'kind', 'party', 'year'];

function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function positiveInt(text) {
  const n = Number.parseInt(text ?? '', 10);
  return Number.isFinite(n) && n > 0 ? n : 1;
}

export function parseHash(hash) {
  const raw = (hash ?? '').replace(/^#/, '');
  const split = raw.indexOf('?');
  const path = split < 0 ? raw : raw.slice(0, split);
  const params = new URLSearchParams(split < 0 ? '' : raw.slice(split + 1));

  const doc = /^\/doc\/([^/]+)\/?$/.exec(path);
  if (doc) return { view: 'doc', id: safeDecode(doc[1]), clause: params.get('clause') || null };

  const state = { q: (params.get('q') ?? '').trim(), sort: params.get('sort') === 'date' ? 'date' : 'relevance', page: positiveInt(params.get('page')) };
  for (const key of FILTERS) state[key] = params.get(key) || null;
  return { view: 'search', state };
}

export function searchHash(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const key of FILTERS) if (state[key]) params.set(key, state[key]);
  if (state.sort === 'date') params.set('sort', 'date');
  if (state.page > 1) params.set('page', String(state.page));
  const text = params.toString();
  return '#/search' + (text ? '?' + text : '');
}

export function docHash(documentId, clauseId) {
  const base = '#/doc/' + encodeURIComponent(documentId ?? '');
  return clauseId ? `${base}?clause=${encodeURIComponent(clauseId)}` : base;
}

/** True when there is nothing to search for: the home page with recent documents. */
export function isHome(state) {
  return !state.q && FILTERS.every((key) => !state[key]);
}
