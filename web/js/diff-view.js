// The side-by-side diff of two clauses (条款对比), route "#/diff?a={clauseId}&b={clauseId}".
// The server's runs turn clause a into clause b: the left column shows a (equal + delete runs),
// the right column b (equal + insert runs). Every run is inserted as text.

import { getJson, isAbort, clausePaths } from './api.js';
import { $, el, clear } from './dom.js';
import { kindLabel, formatCount } from './labels.js';
import { docHash, diffHash } from './route.js';

let pending = null;

export function cancelDiff() {
  pending?.abort();
  pending = null;
}

/** backHash: where "返回" leads (the page the diff was opened from). */
export async function renderDiff(a, b, backHash) {
  cancelDiff();
  pending = new AbortController();
  const signal = pending.signal;
  $('diff-back').href = backHash || '#/';
  reset();
  if (!a || !b) {
    showError('请选择两个条款进行对比：在检索结果或文档中点击“相似条款”，再点击“对比”。');
    return;
  }
  $('diff-swap').href = diffHash(b, a);
  $('diff-swap').hidden = false;
  const view = $('diff-view');
  view.setAttribute('aria-busy', 'true');
  try {
    const data = await getJson(clausePaths.diff(), { a, b }, signal);
    fill(data);
  } catch (error) {
    if (isAbort(error)) return;
    showError(error.message);
  } finally {
    if (!signal.aborted) view.removeAttribute('aria-busy');
  }
}

function reset() {
  $('diff-similarity').textContent = '';
  $('diff-similarity').hidden = true;
  $('diff-stats').textContent = '';
  $('diff-error').hidden = true;
  $('diff-error').textContent = '';
  $('diff-columns').hidden = false;
  $('diff-swap').hidden = true;
  for (const id of ['diff-left', 'diff-right']) {
    clear($(id)).append(el('p', { className: 'loading', text: '正在加载…' }));
  }
}

function showError(text) {
  $('diff-columns').hidden = true;
  const box = $('diff-error');
  box.textContent = text;
  box.hidden = false;
}

function fill(data) {
  const runs = (Array.isArray(data.runs) ? data.runs : []).filter((r) => r && typeof r.text === 'string');
  const a = data.a ?? {};
  const b = data.b ?? {};
  const left = el('div', { className: 'diff-text' });
  const right = el('div', { className: 'diff-text' });
  const counts = { equal: 0, delete: 0, insert: 0 };
  for (const run of runs) {
    const length = [...run.text].length;
    if (run.op === 'equal') {
      left.append(run.text);
      right.append(run.text);
      counts.equal += length;
    } else if (run.op === 'delete') {
      left.append(el('del', { className: 'diff-del', text: run.text }));
      counts.delete += length;
    } else if (run.op === 'insert') {
      right.append(el('ins', { className: 'diff-ins', text: run.text }));
      counts.insert += length;
    }
  }
  // Without runs (an older server), still show both texts.
  if (runs.length === 0) {
    left.append(a.text ?? '');
    right.append(b.text ?? '');
  }
  clear($('diff-left')).append(head(a, 'A', '左'), left);
  clear($('diff-right')).append(head(b, 'B', '右'), right);

  const similarity = typeof data.similarity === 'number' ? Math.round(Math.min(Math.max(data.similarity, 0), 1) * 100) : null;
  const badge = $('diff-similarity');
  badge.textContent = similarity == null ? '' : `文字相同 ${similarity}%`;
  badge.hidden = similarity == null;
  $('diff-stats').textContent = runs.length === 0 ? ''
    : `相同 ${formatCount(counts.equal)} 字 · 仅左侧 ${formatCount(counts.delete)} 字 · 仅右侧 ${formatCount(counts.insert)} 字`;
  const label = (c) => [c.number, c.heading].filter(Boolean).join(' ');
  document.title = `条款对比：${label(a) || 'A'} ↔ ${label(b) || 'B'} — hetong 合同检索`;
}

function head(clause, letter, side) {
  return el('header', { className: 'diff-head' },
    el('div', { className: 'diff-head-top' },
      el('span', { className: 'diff-side-label', title: side === '左' ? '左侧条款' : '右侧条款', text: letter }),
      el('a', {
        className: 'diff-doc',
        href: clause.documentId ? docHash(clause.documentId, clause.clauseId) : null,
        title: '在文档中查看此条款',
        text: clause.documentTitle || '（无标题文档）',
      }),
      clause.kind && clause.kind !== 'contract' ? el('span', { className: 'diff-kind', text: kindLabel(clause.kind) }) : null),
    el('div', { className: 'diff-head-sub' },
      clause.number ? el('span', { className: 'diff-number', text: clause.number }) : null,
      clause.heading ? el('span', { className: 'diff-heading', text: clause.heading }) : null,
      clause.clauseType ? el('span', { className: 'diff-type', text: clause.clauseType }) : null));
}
