// The search view: results, facets, active filter chips, pager, and the recent-documents home page.

import { getJson, isAbort, clausePaths, exportPath } from './api.js';
import { $, el, clear, cssToken, setHighlight, showMessage } from './dom.js';
import { kindLabel, statusLabel, formatCount, formatDateTime, formatSize } from './labels.js';
import { docHash, diffHash, searchHash, isHome } from './route.js';
import { similarButton, similarSourceId } from './similar-panel.js';

const PAGE_SIZE = 20;
const FACET_VISIBLE = 10;
const EXPORT_MAX = 10000; // rows the server writes to an .xlsx export
const GROUP_SHOWN = 20; // template clauses of a group that are looked up and listed
const OCR_NOTE = '此条款由扫描件 OCR 识别，文字可能有识别错误，请以原件为准';

// Facet key in the API response → hash/API parameter, heading, value label.
const FACETS = [
  { key: 'clauseType', param: 'type', title: '条款类型', en: 'Clause type' },
  { key: 'kind', param: 'kind', title: '文档类别', en: 'Document kind', label: kindLabel },
  { key: 'party', param: 'party', title: '当事方', en: 'Party' },
  { key: 'year', param: 'year', title: '年份', en: 'Year' },
  { key: 'risk', param: 'risk', title: '风险', en: 'Risk' },
];

let pending = null;
let groups = null; // lookups of template-group clauses for the hits shown

function startRequest() {
  pending?.abort();
  pending = new AbortController();
  groups?.abort();
  groups = new AbortController();
  return pending.signal;
}

/** Drops a search still in flight (called when leaving the view). */
export function cancelSearch() {
  pending?.abort();
  pending = null;
  groups?.abort();
  groups = null;
}

/** The API parameters of a search state (without paging). */
function searchParams(state) {
  return {
    q: state.q, type: state.type, kind: state.kind, party: state.party, year: state.year, risk: state.risk,
    ocr: state.ocr === 'true' ? 'true' : null,
    sort: state.sort === 'date' ? 'date' : null,
  };
}

export function renderSearch(state) {
  $('q').value = state.q;
  $('sort').value = state.sort;
  $('filter-ocr').checked = state.ocr === 'true';
  renderActiveFilters(state);
  if (isHome(state)) return showHome();
  return runSearch(state);
}

async function runSearch(state) {
  const view = $('search-view');
  view.classList.remove('is-home');
  $('recent').hidden = true;
  $('search-help').hidden = true;
  const results = $('results');
  results.setAttribute('aria-busy', 'true');
  $('total').textContent = '正在检索…';
  $('export-xlsx').hidden = true;
  const signal = startRequest();
  try {
    const data = await getJson('/api/search', { ...searchParams(state), page: state.page, size: PAGE_SIZE }, signal);
    renderResults(data, state);
  } catch (error) {
    if (isAbort(error)) return;
    showMessage(error.message);
    $('total').textContent = '';
    clear(results);
    clear($('facets'));
    $('pager').hidden = true;
  } finally {
    if (!signal.aborted) results.removeAttribute('aria-busy');
  }
}

function renderResults(data, state) {
  const total = typeof data.total === 'number' ? data.total : 0;
  const took = typeof data.tookMs === 'number' ? `（用时 ${formatCount(data.tookMs)} 毫秒）` : '';
  const full = typeof data.fullMatches === 'number' ? data.fullMatches : 0;
  const relaxed = data.relaxed === true
    ? `。完整匹配只有 ${formatCount(full)} 条（按相关度排序时在最前）；其后为部分匹配：含检索词过半的相邻两字，或属于检索词所指的条款类型；有筛选条件时，两字检索词也按其中一字匹配（${formatCount(full)} full matches first, partial matches follow）`
    : '';
  $('total').textContent = `共 ${formatCount(total)} 条结果${took}${relaxed}`;
  renderExport(total, state);

  const hits = Array.isArray(data.hits) ? data.hits : [];
  const results = clear($('results'));
  if (hits.length === 0) {
    results.append(el('p', { className: 'empty' },
      state.page > 1 && total > 0
        ? '这一页没有结果，请返回上一页。'
        : '没有找到匹配的条款。请尝试更换关键词、减少筛选条件，或用引号检索 "精确短语"。'));
  } else {
    for (const hit of hits) if (hit) results.append(renderHit(hit));
  }
  renderFacets(data.facets ?? {}, state);
  renderPager(total, state);
}

/** "导出 Excel": the current search (all pages) as an .xlsx download. */
function renderExport(total, state) {
  const link = $('export-xlsx');
  link.href = exportPath(searchParams(state));
  link.title = total > EXPORT_MAX
    ? `导出前 ${formatCount(EXPORT_MAX)} 条结果（共 ${formatCount(total)} 条）为 Excel 表格`
    : `把全部 ${formatCount(total)} 条结果导出为 Excel 表格`;
  link.hidden = total === 0;
}

function renderHit(hit) {
  const text = el('div', { className: 'hit-text' });
  setHighlight(text, hit.highlight, hit.text);
  const node = el('div', { className: 'hit', dataset: { clauseId: hit.clauseId, documentId: hit.documentId } },
    el('div', { className: 'hit-head' },
      el('a', { className: 'hit-title', href: docHash(hit.documentId, hit.clauseId), text: hit.documentTitle || '（无标题文档）' }),
      el('span', { className: 'hit-kind', title: hit.kind ?? null, text: kindLabel(hit.kind) }),
      hit.ocr === true ? el('span', { className: 'hit-ocr', title: OCR_NOTE, text: 'OCR' }) : null,
      hit.clauseId ? similarButton({
        clauseId: hit.clauseId, documentId: hit.documentId, documentTitle: hit.documentTitle, number: hit.number, heading: hit.heading,
      }) : null),
    el('div', { className: 'hit-sub' },
      el('span', { className: 'hit-number', text: hit.number ?? '' }),
      el('span', { className: 'hit-heading', text: hit.heading ?? '' }),
      el('span', { className: 'hit-type', text: hit.clauseType ?? '' })),
    text,
    templateGroup(hit));
  if (hit.clauseId && similarSourceId() === hit.clauseId) node.classList.add('similar-source');
  return node;
}

/**
 * Near-identical template clauses collapsed into this hit: "另有 N 条相似条款", which lists them
 * (document, number, heading, and a diff against this hit's clause) when clicked.
 */
function templateGroup(hit) {
  const count = Number.isInteger(hit.similarCount) ? hit.similarCount : 0;
  if (count <= 0 || !hit.clauseId) return null;
  const ids = (Array.isArray(hit.similarClauseIds) ? hit.similarClauseIds : []).filter((id) => typeof id === 'string' && id);
  const listId = 'group-' + cssToken(hit.clauseId);
  const list = el('ul', { className: 'hit-group', id: listId, hidden: true });
  const toggle = el('button', {
    type: 'button', className: 'hit-group-toggle', 'aria-expanded': 'false', 'aria-controls': listId,
    title: '与本条措辞几乎相同的条款（多为模板条款），已合并为一条结果',
  }, el('span', { className: 'hit-similar-count', text: `另有 ${formatCount(count)} 条相似条款` }));
  let loaded = false;
  toggle.addEventListener('click', () => {
    const open = list.hidden;
    list.hidden = !open;
    toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    if (open && !loaded) {
      loaded = true;
      loadGroup(hit, ids, count, list);
    }
  });
  return el('div', { className: 'hit-foot' }, toggle, list);
}

async function loadGroup(hit, ids, count, list) {
  const shown = ids.slice(0, GROUP_SHOWN);
  const signal = groups?.signal;
  list.setAttribute('aria-busy', 'true');
  list.append(el('li', { className: 'loading', text: '正在加载…' }));
  const results = await Promise.allSettled(shown.map((id) => getJson(clausePaths.json(id), null, signal)));
  if (signal?.aborted) return;
  clear(list).removeAttribute('aria-busy');
  results.forEach((result, index) => {
    const id = shown[index];
    const compare = el('a', { className: 'group-compare', href: diffHash(hit.clauseId, id), title: '与上面的条款逐字对比', text: '对比' });
    if (result.status !== 'fulfilled') {
      list.append(el('li', { className: 'hit-group-item unavailable', dataset: { clauseId: id } },
        el('span', { className: 'group-missing', text: `条款 ${id} 无法加载：${result.reason?.message ?? '未知错误'}` })));
      return;
    }
    const clause = result.value;
    list.append(el('li', { className: 'hit-group-item', dataset: { clauseId: id, documentId: clause.documentId } },
      el('a', { className: 'group-doc', href: docHash(clause.documentId, id), text: clause.documentTitle || '（无标题文档）' }),
      clause.kind && clause.kind !== 'contract' ? el('span', { className: 'group-kind', text: kindLabel(clause.kind) }) : null,
      clause.number ? el('span', { className: 'group-number', text: clause.number }) : null,
      clause.heading ? el('span', { className: 'group-heading', text: clause.heading }) : null,
      compare));
  });
  const rest = count - shown.length;
  if (rest > 0) list.append(el('li', { className: 'note', text: `另有 ${formatCount(rest)} 条未列出。` }));
  if (shown.length === 0 && rest <= 0) list.append(el('li', { className: 'note', text: '无法列出这些条款。' }));
}

function renderFacets(facets, state) {
  const box = clear($('facets'));
  for (const facet of FACETS) {
    const values = Array.isArray(facets[facet.key]) ? facets[facet.key].filter((v) => v && v.value != null) : [];
    const active = state[facet.param];
    // An active filter stays visible even when the server no longer lists its value.
    if (active && !values.some((v) => String(v.value) === active)) values.unshift({ value: active, count: null });

    const list = el('ul', { className: 'facet-values' });
    values.forEach((entry, index) => {
      const value = String(entry.value);
      const isActive = value === active;
      const link = el('a', {
        className: 'facet-value' + (isActive ? ' active' : ''),
        href: searchHash({ ...state, [facet.param]: isActive ? null : value, page: 1 }),
        title: isActive ? '取消此筛选 (remove filter)' : '按此筛选 (filter)',
        'aria-pressed': isActive ? 'true' : 'false',
        dataset: { value },
      },
      el('span', { className: 'facet-label', text: facet.label ? facet.label(value) : value }),
      el('span', { className: 'facet-count', text: entry.count == null ? '' : formatCount(entry.count) }));
      const item = el('li', {}, link);
      if (index >= FACET_VISIBLE && !isActive) item.classList.add('facet-extra');
      list.append(item);
    });

    const section = el('section', { className: 'facet', dataset: { facet: facet.key } },
      el('h3', { className: 'facet-title', title: facet.en, text: facet.title }));
    if (values.length === 0) section.append(el('p', { className: 'facet-none', text: '无' }));
    else section.append(list);
    if (values.length > FACET_VISIBLE) {
      const more = el('button', { type: 'button', className: 'facet-more', text: `更多（${values.length - FACET_VISIBLE}）` });
      more.addEventListener('click', () => {
        const open = section.classList.toggle('expanded');
        more.textContent = open ? '收起' : `更多（${values.length - FACET_VISIBLE}）`;
      });
      section.append(more);
    }
    box.append(section);
  }
}

function filterChip(state, param, key, name, value) {
  return el('a', {
    className: 'chip',
    href: searchHash({ ...state, [param]: null, page: 1 }),
    title: '移除此筛选 (remove)',
    dataset: { facet: key, value: state[param] },
  },
  el('span', { className: 'chip-name', text: name + '：' }),
  el('span', { className: 'chip-value', text: value }),
  el('span', { className: 'chip-remove', 'aria-hidden': 'true', text: '×' }));
}

function renderActiveFilters(state) {
  const box = clear($('active-filters'));
  const chips = FACETS.filter((f) => state[f.param]).map((f) =>
    filterChip(state, f.param, f.key, f.title, f.label ? f.label(state[f.param]) : state[f.param]));
  // The "只看扫描件" toggle (#filter-ocr) is not a facet, but removable like one.
  if (state.ocr === 'true') chips.push(filterChip(state, 'ocr', 'ocr', '扫描件', '只看 OCR 识别'));
  box.hidden = chips.length === 0;
  if (chips.length === 0) return;
  box.append(el('span', { className: 'filters-label', text: '筛选：' }), ...chips);
  if (chips.length > 1) {
    box.append(el('a', { className: 'clear-filters', href: searchHash({ q: state.q, sort: state.sort, page: 1 }), text: '清除全部' }));
  }
}

function renderPager(total, state) {
  const pager = clear($('pager'));
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (total <= PAGE_SIZE && state.page === 1) {
    pager.hidden = true;
    return;
  }
  const link = (label, page, enabled, className) => el('a', {
    className: className + (enabled ? '' : ' disabled'),
    href: enabled ? searchHash({ ...state, page }) : null,
    'aria-disabled': enabled ? null : 'true',
    text: label,
  });
  pager.append(
    link('‹ 上一页', state.page - 1, state.page > 1, 'pager-prev'),
    el('span', { className: 'pager-current', text: `第 ${state.page} 页` }),
    el('span', { className: 'pager-pages', text: `共 ${formatCount(pages)} 页` }),
    link('下一页 ›', state.page + 1, state.page < pages, 'pager-next'));
  pager.hidden = false;
}

async function showHome() {
  $('search-view').classList.add('is-home');
  $('total').textContent = '';
  $('export-xlsx').hidden = true;
  clear($('results'));
  clear($('facets'));
  $('pager').hidden = true;
  const list = clear($('recent-list'));
  $('recent').hidden = false;
  $('search-help').hidden = false;
  list.append(el('p', { className: 'loading', text: '正在加载…' }));
  const signal = startRequest();
  try {
    const data = await getJson('/api/documents', { size: 20 }, signal);
    renderRecent(Array.isArray(data.documents) ? data.documents : [], data.total);
  } catch (error) {
    if (isAbort(error)) return;
    clear(list);
    showMessage(error.message);
  }
}

function renderRecent(documents, total) {
  const list = clear($('recent-list'));
  if (documents.length === 0) {
    list.append(el('p', { className: 'empty', text: '档案库中还没有文档。' }));
    return;
  }
  const body = el('tbody');
  for (const doc of documents) {
    if (!doc) continue;
    body.append(el('tr', { className: 'recent-doc', dataset: { documentId: doc.documentId } },
      el('td', {}, el('a', { href: docHash(doc.documentId), text: doc.title || doc.fileName || doc.documentId || '（无标题）' })),
      el('td', { text: kindLabel(doc.kind) }),
      el('td', {}, el('span', { className: 'status status-' + cssToken(doc.status), text: statusLabel(doc.status) })),
      el('td', { className: 'file-name', text: doc.fileName ?? '' }),
      el('td', { className: 'num', text: formatSize(doc.sizeBytes) }),
      el('td', { className: 'num', text: formatDateTime(doc.createdAt) })));
  }
  const head = el('thead', {}, el('tr', {},
    ['标题', '类别', '状态', '文件名', '大小', '入库时间'].map((name) => el('th', { scope: 'col', text: name }))));
  list.append(el('table', { className: 'doc-table' }, head, body));
  if (typeof total === 'number' && total > documents.length) {
    list.append(el('p', { className: 'note' },
      `共 ${formatCount(total)} 份文档，此处显示最近 ${documents.length} 份。`,
      el('a', { className: 'all-documents', href: '#/documents', text: '浏览全部档案 →' })));
  }
}
