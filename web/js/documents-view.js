// The archive view (#/documents): every document with filters, sorting and paging, reflected in the hash.

import { getJson, isAbort } from './api.js';
import { $, el, clear, cssToken, showMessage } from './dom.js';
import { kindLabel, statusLabel, formatCount, formatDateTime, formatSize } from './labels.js';
import { docHash, documentsHash, DOCUMENT_FILTERS } from './route.js';
import { renderPager, table, emptyNote } from './lists.js';

const PAGE_SIZE = 50;
let pending = null;
let wired = false;

export function cancelDocuments() {
  pending?.abort();
  pending = null;
}

export async function renderDocuments(state) {
  wire();
  fillFilters(state);
  cancelDocuments();
  pending = new AbortController();
  const signal = pending.signal;
  const list = $('documents-list');
  list.setAttribute('aria-busy', 'true');
  $('documents-total').textContent = '正在加载…';
  try {
    const data = await getJson('/api/documents', {
      kind: state.kind, party: state.party, year: state.year, status: state.status, q: state.q,
      sort: state.sort === 'newest' ? null : state.sort, page: state.page, size: PAGE_SIZE,
    }, signal);
    render(data, state);
  } catch (error) {
    if (isAbort(error)) return;
    $('documents-total').textContent = '';
    clear(list);
    $('documents-pager').hidden = true;
    showMessage(error.message);
  } finally {
    if (!signal.aborted) list.removeAttribute('aria-busy');
  }
}

function fillFilters(state) {
  $('filter-kind').value = state.kind ?? '';
  $('filter-party').value = state.party ?? '';
  $('filter-year').value = state.year ?? '';
  $('filter-status').value = state.status ?? '';
  $('filter-q').value = state.q ?? '';
  $('filter-sort').value = state.sort ?? 'newest';
}

function readFilters() {
  const text = (id) => $(id).value.trim() || null;
  return {
    kind: $('filter-kind').value || null,
    party: text('filter-party'),
    year: text('filter-year'),
    status: $('filter-status').value || null,
    q: text('filter-q'),
    sort: $('filter-sort').value || 'newest',
    page: 1,
  };
}

function apply() {
  const state = readFilters();
  if (state.year && !/^\d{4}$/.test(state.year)) {
    showMessage('年份应为 4 位数字，例如 2023。', 'info');
    $('filter-year').focus();
    return;
  }
  const hash = documentsHash(state);
  if (location.hash !== hash) location.hash = hash;
}

function wire() {
  if (wired) return;
  wired = true;
  $('documents-filters').addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
  // Choices apply at once; typed filters apply on Enter or when the field is left.
  for (const id of ['filter-kind', 'filter-status', 'filter-sort', 'filter-party', 'filter-year', 'filter-q']) {
    $(id).addEventListener('change', apply);
  }
}

function partyNames(doc) {
  const parties = Array.isArray(doc.parties) ? doc.parties : [];
  return parties.map((p) => (typeof p === 'string' ? p : p?.name)).filter(Boolean).join('、');
}

function render(data, state) {
  const total = typeof data.total === 'number' ? data.total : 0;
  const documents = Array.isArray(data.documents) ? data.documents.filter(Boolean) : [];
  const filtered = DOCUMENT_FILTERS.some((key) => state[key]);
  $('documents-total').textContent = filtered ? `符合条件的文档共 ${formatCount(total)} 份` : `档案库共 ${formatCount(total)} 份文档`;
  const list = clear($('documents-list'));
  if (documents.length === 0) {
    list.append(emptyNote(state.page > 1 && total > 0 ? '这一页没有文档，请返回上一页。'
      : filtered ? '没有符合条件的文档，请放宽筛选条件。' : '档案库中还没有文档，可在“上传”页上传。'));
  } else {
    const body = el('tbody');
    for (const doc of documents) {
      const parties = partyNames(doc);
      body.append(el('tr', { className: 'document-row', dataset: { documentId: doc.documentId, status: doc.status } },
        el('td', { className: 'doc-title-cell' },
          el('a', { href: docHash(doc.documentId), text: doc.title || doc.fileName || doc.documentId || '（无标题）' }),
          doc.title && doc.fileName && doc.fileName !== doc.title ? el('span', { className: 'file-name sub', text: doc.fileName }) : null),
        el('td', { className: 'nowrap', text: kindLabel(doc.kind) }),
        el('td', { className: 'contract-number', text: doc.contractNumber ?? '' }),
        el('td', { className: 'parties-cell', title: parties || null, text: parties }),
        el('td', { className: 'num', text: doc.signDate ?? '' }),
        el('td', { className: 'nowrap' },
          el('span', { className: 'status status-' + cssToken(doc.status), title: doc.status === 'failed' ? (doc.error ?? null) : null, text: statusLabel(doc.status) })),
        el('td', { className: 'num', text: formatSize(doc.sizeBytes) }),
        el('td', { className: 'num', text: formatDateTime(doc.createdAt) })));
    }
    list.append(table('documents-table', 'documents-table', [
      ['标题'], ['类别'], ['合同编号'], ['当事方'], ['签订日期', 'num'], ['状态'], ['大小', 'num'], ['上传时间', 'num'],
    ], body));
  }
  renderPager($('documents-pager'), total, state.page, PAGE_SIZE, (page) => documentsHash({ ...state, page }));
}
