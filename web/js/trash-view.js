// The trash view (#/trash): deleted documents, each with a restore button.

import { getJson, isAbort } from './api.js';
import { $, el, clear, showMessage } from './dom.js';
import { kindLabel, formatCount, formatDateTime, formatSize } from './labels.js';
import { docHash, pagedHash } from './route.js';
import { renderPager, table, emptyNote, restoreDocument } from './lists.js';

const PAGE_SIZE = 50;
let pending = null;

export function cancelTrash() {
  pending?.abort();
  pending = null;
}

export async function renderTrash(page) {
  cancelTrash();
  pending = new AbortController();
  const signal = pending.signal;
  const list = $('trash-list');
  list.setAttribute('aria-busy', 'true');
  $('trash-total').textContent = '正在加载…';
  try {
    const data = await getJson('/api/documents', { deleted: 'true', size: PAGE_SIZE, page }, signal);
    render(data, page);
  } catch (error) {
    if (isAbort(error)) return;
    $('trash-total').textContent = '';
    clear(list);
    $('trash-pager').hidden = true;
    showMessage(error.message);
  } finally {
    if (!signal.aborted) list.removeAttribute('aria-busy');
  }
}

function restoreCell(doc) {
  const button = el('button', { type: 'button', className: 'button button-small restore', dataset: { documentId: doc.documentId }, text: '恢复' });
  button.addEventListener('click', async () => {
    button.disabled = true;
    button.textContent = '恢复中…';
    if (await restoreDocument(doc.documentId)) {
      const row = button.closest('tr');
      row?.classList.add('restored');
      button.replaceWith(el('span', { className: 'restore-done' },
        el('span', { className: 'status status-indexed', text: '已恢复' }),
        el('a', { href: docHash(doc.documentId), text: '打开' })));
    } else {
      button.disabled = false;
      button.textContent = '恢复';
    }
  });
  return el('td', { className: 'actions-cell' }, button);
}

function render(data, page) {
  const total = typeof data.total === 'number' ? data.total : 0;
  const documents = Array.isArray(data.documents) ? data.documents.filter(Boolean) : [];
  $('trash-total').textContent = total > 0 ? `回收站中共 ${formatCount(total)} 份文档` : '';
  const list = clear($('trash-list'));
  if (documents.length === 0) {
    list.append(emptyNote(page > 1 && total > 0 ? '这一页没有文档，请返回上一页。' : '回收站是空的。'));
  } else {
    const body = el('tbody');
    for (const doc of documents) {
      body.append(el('tr', { className: 'trash-row', dataset: { documentId: doc.documentId } },
        el('td', {},
          el('a', { href: docHash(doc.documentId), text: doc.title || doc.fileName || doc.documentId || '（无标题）' }),
          doc.title && doc.fileName && doc.fileName !== doc.title ? el('span', { className: 'file-name sub', text: doc.fileName }) : null),
        el('td', { className: 'nowrap', text: kindLabel(doc.kind) }),
        el('td', { className: 'num', text: formatSize(doc.sizeBytes) }),
        el('td', { className: 'num', text: formatDateTime(doc.createdAt) }),
        el('td', { className: 'num', text: formatDateTime(doc.deletedAt) }),
        restoreCell(doc)));
    }
    list.append(table('trash-table', 'trash-table',
      [['标题'], ['类别'], ['大小', 'num'], ['上传时间', 'num'], ['删除时间', 'num'], ['操作']], body));
  }
  renderPager($('trash-pager'), total, page, PAGE_SIZE, (p) => pagedHash('trash', p));
}
