// Hash routes:
//   "#/search?q=…&type=…&kind=…&party=…&year=…&risk=…&ocr=true&sort=date&page=N"  search (an empty hash is the home page)
//   "#/doc/{id}?clause={clauseId}"                                  one document
//   "#/diff?a={clauseId}&b={clauseId}"                              two clauses side by side (条款对比)
//   "#/contract/{id}"                                               a contract family (合同族)
//   "#/risks?risk=…&page=N"                                         contracts with risk flags (风险)
//   "#/documents?kind=…&party=…&year=…&status=…&q=…&sort=…&page=N"  archive browsing
//   "#/upload", "#/upload/{jobId}"                                  upload, and one upload job
//   "#/quarantine?page=N"                                           failed files (待处理)
//   "#/trash?page=N"                                                deleted documents (回收站)
//   "#/account"                                                     change one's password (修改密码)
//   "#/users"                                                       accounts and API tokens (账号, admin)
//   "#/audit?user=…&action=…&from=YYYY-MM-DD&to=YYYY-MM-DD&page=N"  the audit log (审计, admin)

// ocr: "true" keeps only clauses read by OCR from scans (the "只看扫描件" toggle); any other value is dropped.
export const FILTERS = ['type', 'kind', 'party', 'year', 'risk', 'ocr'];

/** Filters of the archive list, in hash order. */
export const DOCUMENT_FILTERS = ['kind', 'party', 'year', 'status', 'q'];
export const DOCUMENT_SORTS = ['newest', 'oldest', 'title', 'name', 'date'];
export const DOCUMENT_KINDS = ['contract', 'supplement', 'correspondence', 'attachment', 'other'];
export const DOCUMENT_STATUSES = ['indexed', 'failed', 'processing'];

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

  if (/^\/diff\/?$/.test(path)) return { view: 'diff', a: params.get('a') || null, b: params.get('b') || null };

  const contract = /^\/contract\/([^/]+)\/?$/.exec(path);
  if (contract) return { view: 'contract', id: safeDecode(contract[1]) };

  if (/^\/risks\/?$/.test(path)) {
    return { view: 'risks', state: { risk: (params.get('risk') ?? '').trim() || null, page: positiveInt(params.get('page')) } };
  }

  if (/^\/documents\/?$/.test(path)) return { view: 'documents', state: parseDocumentsState(params) };

  const upload = /^\/upload(?:\/([^/]+))?\/?$/.exec(path);
  if (upload) return { view: 'upload', jobId: upload[1] ? safeDecode(upload[1]) : null };

  if (/^\/quarantine\/?$/.test(path)) return { view: 'quarantine', page: positiveInt(params.get('page')) };
  if (/^\/trash\/?$/.test(path)) return { view: 'trash', page: positiveInt(params.get('page')) };
  if (/^\/account\/?$/.test(path)) return { view: 'account' };
  if (/^\/users\/?$/.test(path)) return { view: 'users' };
  if (/^\/audit\/?$/.test(path)) {
    const date = (name) => (/^\d{4}-\d{2}-\d{2}$/.test(params.get(name) ?? '') ? params.get(name) : null);
    return {
      view: 'audit',
      state: { user: (params.get('user') ?? '').trim() || null, action: params.get('action') || null,
        from: date('from'), to: date('to'), page: positiveInt(params.get('page')) },
    };
  }

  const state = { q: (params.get('q') ?? '').trim(), sort: params.get('sort') === 'date' ? 'date' : 'relevance', page: positiveInt(params.get('page')) };
  for (const key of FILTERS) state[key] = params.get(key) || null;
  state.ocr = state.ocr === 'true' ? 'true' : null;
  return { view: 'search', state };
}

function parseDocumentsState(params) {
  const pick = (name, allowed) => {
    const value = params.get(name);
    return value && allowed.includes(value) ? value : null;
  };
  const year = (params.get('year') ?? '').trim();
  const text = (name) => (params.get(name) ?? '').trim() || null;
  return {
    kind: pick('kind', DOCUMENT_KINDS),
    party: text('party'),
    year: /^\d{4}$/.test(year) ? year : null,
    status: pick('status', DOCUMENT_STATUSES),
    q: text('q'),
    sort: pick('sort', DOCUMENT_SORTS) ?? 'newest',
    page: positiveInt(params.get('page')),
  };
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

export function documentsHash(state) {
  const params = new URLSearchParams();
  for (const key of DOCUMENT_FILTERS) if (state[key]) params.set(key, state[key]);
  if (state.sort && state.sort !== 'newest') params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  const text = params.toString();
  return '#/documents' + (text ? '?' + text : '');
}

/** "#/quarantine" or "#/trash" with a page number. */
export function pagedHash(view, page) {
  return `#/${view}` + (page > 1 ? `?page=${page}` : '');
}

export function docHash(documentId, clauseId) {
  const base = '#/doc/' + encodeURIComponent(documentId ?? '');
  return clauseId ? `${base}?clause=${encodeURIComponent(clauseId)}` : base;
}

/** The side-by-side diff of clause a (left) and clause b (right). */
export function diffHash(a, b) {
  return `#/diff?a=${encodeURIComponent(a ?? '')}&b=${encodeURIComponent(b ?? '')}`;
}

export function contractHash(contractId) {
  return '#/contract/' + encodeURIComponent(contractId ?? '');
}

export function risksHash(state = {}) {
  const params = new URLSearchParams();
  if (state.risk) params.set('risk', state.risk);
  if (state.page > 1) params.set('page', String(state.page));
  const text = params.toString();
  return '#/risks' + (text ? '?' + text : '');
}

export function uploadHash(jobId) {
  return jobId ? '#/upload/' + encodeURIComponent(jobId) : '#/upload';
}

/** True when there is nothing to search for: the home page with recent documents. */
export function isHome(state) {
  return !state.q && FILTERS.every((key) => !state[key]);
}

export function auditHash(state = {}) {
  const params = new URLSearchParams();
  for (const key of ['user', 'action', 'from', 'to']) if (state[key]) params.set(key, state[key]);
  if (state.page > 1) params.set('page', String(state.page));
  const text = params.toString();
  return '#/audit' + (text ? '?' + text : '');
}
