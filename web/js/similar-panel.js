// Precedents (相似条款): a side panel listing clauses worded like a given clause in other contracts,
// opened from a search hit or a clause of the document view; each precedent can be compared side by side.
//
// The panel (#similar-panel) is a non-modal dialog: Esc or #similar-close closes it and focus goes back
// to the button that opened it. It closes when the page changes, and reopens when the user comes back
// from a diff they opened in it (see similarOnRoute).

import { getJson, isAbort, clausePaths } from './api.js';
import { $, el, clear } from './dom.js';
import { kindLabel, formatCount } from './labels.js';
import { docHash, diffHash } from './route.js';
import { bodyOf } from './clauses.js';

const PAGE_SIZE = 10;
const LONG_TEXT = 140; // characters; a shorter clause text is never clamped

let source = null; // { clauseId, documentId, documentTitle, number, heading } of the clause whose precedents are shown
let opener = null; // the button that opened the panel
let request = null;
let openedFrom = null; // the hash the panel was opened on
let reopen = null; // { hash, source } to restore the panel when the user returns from a diff
let wired = false;

/** The clause whose precedents are shown, or null when the panel is closed. */
export function similarSourceId() {
  return source?.clauseId ?? null;
}

/**
 * The "相似条款" button of a search hit or of a clause. info: { clauseId, documentId, documentTitle, number, heading }.
 * info may be a function returning it (the document title is known only once the document has loaded).
 */
export function similarButton(info) {
  const clauseId = typeof info === 'function' ? info().clauseId : info.clauseId;
  const open = source?.clauseId === clauseId;
  const button = el('button', {
    type: 'button',
    className: 'similar-button',
    title: '查找其他合同中措辞相近的条款（先例），并可逐字对比',
    'aria-haspopup': 'dialog',
    'aria-controls': 'similar-panel',
    'aria-expanded': open ? 'true' : 'false',
    dataset: { clauseId },
    text: '相似条款',
  });
  if (open) opener = button;
  button.addEventListener('click', () => {
    const current = typeof info === 'function' ? info() : info;
    if (source?.clauseId === current.clauseId && !$('similar-panel').hidden) closeSimilar(true);
    else openSimilar(current, button);
  });
  return button;
}

/** Opens (or switches) the panel to the precedents of one clause. */
export function openSimilar(info, button) {
  wire();
  markOpener(false);
  source = { ...info };
  opener = button ?? null;
  openedFrom = location.hash;
  reopen = null;
  markOpener(true);
  const panel = $('similar-panel');
  fillSource();
  panel.hidden = false;
  document.body.classList.add('similar-open');
  panel.focus({ preventScroll: true });
  load();
}

/** Closes the panel; focusBack: return focus to the button that opened it. */
export function closeSimilar(focusBack = false) {
  const panel = $('similar-panel');
  request?.abort();
  request = null;
  if (panel.hidden && !source) return;
  const back = focusBack ? openerNode() : null;
  markOpener(false);
  panel.hidden = true;
  document.body.classList.remove('similar-open');
  source = null;
  opener = null;
  clear($('similar-list'));
  back?.focus();
}

/**
 * Called on every page change (before the new view renders). Leaving for a diff opened in the panel keeps what
 * the panel showed, so that coming back to the page it was opened on reopens it; any other change closes it.
 */
export function similarOnRoute(target, hash) {
  const panelOpen = !$('similar-panel').hidden && source;
  if (target.view === 'diff') {
    if (panelOpen) reopen = { hash: openedFrom, source };
    closeSimilar(false);
    return;
  }
  closeSimilar(false);
  const restore = reopen && reopen.hash === hash ? reopen.source : null;
  reopen = null;
  if (restore) openSimilar(restore, null);
}

function openerNode() {
  if (opener?.isConnected) return opener;
  if (!source) return null;
  return [...document.querySelectorAll('.similar-button')].find((b) => b.dataset.clauseId === source.clauseId && b.offsetParent) ?? null;
}

function markOpener(open) {
  if (!source) return;
  for (const button of document.querySelectorAll('.similar-button')) {
    if (button.dataset.clauseId !== source.clauseId) continue;
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
    button.closest('.hit, .clause')?.classList.toggle('similar-source', open);
  }
}

function fillSource() {
  const box = clear($('similar-source'));
  const label = [source.number, source.heading].filter(Boolean).join(' ') || '此条款';
  box.append(
    el('span', { className: 'similar-source-label', text: '与' }),
    el('a', { className: 'similar-source-clause', href: docHash(source.documentId, source.clauseId), text: label }),
    source.documentTitle ? el('span', { className: 'similar-source-doc', text: `（${source.documentTitle}）` }) : null,
    el('span', { className: 'similar-source-label', text: '措辞相近的条款' }));
}

async function load() {
  request?.abort();
  request = new AbortController();
  const signal = request.signal;
  const clauseId = source.clauseId;
  const family = $('similar-family').checked;
  const list = clear($('similar-list'));
  list.setAttribute('aria-busy', 'true');
  $('similar-count').textContent = '正在查找…';
  try {
    const data = await getJson(clausePaths.similar(clauseId), { size: PAGE_SIZE, family: family ? 'true' : null }, signal);
    if (source?.clauseId !== clauseId) return;
    const items = (Array.isArray(data.similar) ? data.similar : []).filter((s) => s && s.clauseId);
    renderList(items, family);
  } catch (error) {
    if (isAbort(error)) return;
    $('similar-count').textContent = '';
    list.append(el('li', { className: 'similar-error', role: 'alert', text: error.message }));
  } finally {
    if (!signal.aborted) list.removeAttribute('aria-busy');
  }
}

function renderList(items, family) {
  const list = clear($('similar-list'));
  $('similar-count').textContent = items.length ? `${formatCount(items.length)} 条` : '';
  if (items.length === 0) {
    list.append(el('li', { className: 'similar-empty' },
      family ? '没有找到措辞相近的条款。' : '其他合同中没有找到措辞相近的条款。',
      family ? null : el('span', { className: 'similar-empty-hint', text: '可勾选“含本合同族”，在本合同的补充协议等文件中查找。' })));
    return;
  }
  items.forEach((item, index) => list.append(renderItem(item, index)));
  // Offer "展开" only where the text is actually cut off.
  requestAnimationFrame(() => {
    for (const node of list.querySelectorAll('.similar-item')) {
      const text = node.querySelector('.similar-text');
      const toggle = node.querySelector('.similar-expand');
      if (!text || !toggle) continue;
      const measured = text.clientHeight > 0;
      const cut = measured ? text.scrollHeight > text.clientHeight + 2 : text.textContent.length > LONG_TEXT;
      toggle.hidden = !cut;
    }
  });
}

function percent(value) {
  return typeof value === 'number' && Number.isFinite(value) ? `${Math.round(Math.min(Math.max(value, 0), 1) * 100)}%` : null;
}

function renderItem(item, index) {
  const textId = `similar-text-${index}`;
  // Blank lines between paragraphs only take room in the short preview.
  const body = (bodyOf(item) || item.text || '').replace(/\n\s*\n/g, '\n').trim();
  const text = el('div', { className: 'similar-text clamped', id: textId, text: body });
  const expand = el('button', {
    type: 'button', className: 'similar-expand', 'aria-expanded': 'false', 'aria-controls': textId, text: '展开',
  });
  expand.hidden = body.length <= LONG_TEXT && !body.includes('\n');
  expand.addEventListener('click', () => {
    const open = text.classList.toggle('clamped') === false;
    expand.setAttribute('aria-expanded', open ? 'true' : 'false');
    expand.textContent = open ? '收起' : '展开';
  });
  const compare = el('button', {
    type: 'button', className: 'compare-button',
    title: '与本条款逐字对比（左：本条款，右：此条款）', text: '对比',
  });
  compare.addEventListener('click', () => {
    if (source) location.hash = diffHash(source.clauseId, item.clauseId);
  });
  const overlap = percent(item.overlap);
  return el('li', { className: 'similar-item', dataset: { clauseId: item.clauseId, documentId: item.documentId } },
    el('div', { className: 'similar-item-head' },
      el('a', { className: 'similar-doc', href: docHash(item.documentId, item.clauseId), text: item.documentTitle || '（无标题文档）' }),
      item.kind && item.kind !== 'contract' ? el('span', { className: 'similar-kind', text: kindLabel(item.kind) }) : null),
    el('div', { className: 'similar-item-sub' },
      item.number ? el('span', { className: 'similar-number', text: item.number }) : null,
      item.heading ? el('span', { className: 'similar-heading', text: item.heading }) : null,
      item.clauseType ? el('span', { className: 'similar-type', text: item.clauseType }) : null,
      overlap ? el('span', { className: 'similar-overlap', title: '与本条款共有的措辞所占比例', text: `相似度 ${overlap}` }) : null),
    text,
    el('div', { className: 'similar-actions' }, expand, compare));
}

function onKey(event) {
  if (event.key !== 'Escape' || event.defaultPrevented || $('similar-panel').hidden) return;
  event.preventDefault();
  closeSimilar(true);
}

function wire() {
  if (wired) return;
  wired = true;
  $('similar-close').addEventListener('click', () => closeSimilar(true));
  $('similar-family').addEventListener('change', () => {
    if (source) load();
  });
  document.addEventListener('keydown', onKey);
}
