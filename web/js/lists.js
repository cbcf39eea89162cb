// Pieces shared by the list views (archive, quarantine, trash) and the document view:
// a pager, a table skeleton, and the retry / restore actions on one document.

import { postJson, docPaths } from './api.js';
import { el, clear, showMessage } from './dom.js';
import { formatCount } from './labels.js';
import { uploadHash } from './route.js';

/** Fills a pager nav: previous / page n of m / next. hashFor(page) gives each link. */
export function renderPager(pager, total, page, size, hashFor) {
  clear(pager);
  const pages = Math.max(1, Math.ceil(total / size));
  if (total <= size && page === 1) {
    pager.hidden = true;
    return;
  }
  const link = (label, target, enabled, className) => el('a', {
    className: className + (enabled ? '' : ' disabled'),
    href: enabled ? hashFor(target) : null,
    'aria-disabled': enabled ? null : 'true',
    text: label,
  });
  pager.append(
    link('‹ 上一页', page - 1, page > 1, 'pager-prev'),
    el('span', { className: 'pager-current', text: `第 ${page} 页` }),
    el('span', { className: 'pager-pages', text: `共 ${formatCount(pages)} 页` }),
    link('下一页 ›', page + 1, page < pages, 'pager-next'));
  pager.hidden = false;
}

/** A table with a header row; columns: [label, className?]. */
export function table(id, className, columns, body) {
  const head = el('thead', {}, el('tr', {},
    columns.map(([label, cls]) => el('th', { scope: 'col', className: cls ?? null, text: label }))));
  return el('table', { id, className: 'doc-table ' + className }, head, body);
}

/** An empty-list note that replaces the table. */
export function emptyNote(text) {
  return el('p', { className: 'empty', text });
}

/**
 * The "重试" button of a failed document. On success it is replaced by a note and a link to the
 * upload job that watches the new attempt; onDone(jobId) is called afterwards.
 */
export function retryButton(documentId, onDone) {
  const button = el('button', { type: 'button', className: 'button button-small retry', dataset: { documentId }, text: '重试' });
  button.addEventListener('click', async () => {
    button.disabled = true;
    button.textContent = '重试中…';
    try {
      const result = await postJson(docPaths.retry(documentId));
      const jobId = typeof result.jobId === 'string' && result.jobId ? result.jobId : null;
      const note = el('span', { className: 'retry-done' },
        el('span', { className: 'status status-queued', text: '已重新排队' }),
        jobId ? el('a', { className: 'retry-job', href: uploadHash(jobId), text: '查看进度' }) : null);
      button.replaceWith(note);
      onDone?.(jobId);
    } catch (error) {
      showMessage(`重试失败：${error.message}`);
      button.disabled = false;
      button.textContent = '重试';
    }
  });
  return button;
}

/** POST …/restore; returns true on success (errors are shown in #message). */
export async function restoreDocument(documentId) {
  try {
    await postJson(docPaths.restore(documentId));
    return true;
  } catch (error) {
    showMessage(`恢复失败：${error.message}`);
    return false;
  }
}
