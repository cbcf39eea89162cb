// The quarantine view (#/quarantine): files that failed to ingest, with their reason and a retry button.

import { getJson, isAbort, docPaths } from './api.js';
import { $, el, clear, showMessage } from './dom.js';
import { formatCount, formatDateTime, formatSize } from './labels.js';
import { docHash, pagedHash } from './route.js';
import { renderPager, table, emptyNote, retryButton } from './lists.js';

const PAGE_SIZE = 50;
let pending = null;

export function cancelQuarantine() {
  pending?.abort();
  pending = null;
}

export async function renderQuarantine(page) {
  cancelQuarantine();
  pending = new AbortController();
  const signal = pending.signal;
  const list = $('quarantine-list');
  list.setAttribute('aria-busy', 'true');
  $('quarantine-total').textContent = '正在加载…';
  try {
    const data = await getJson('/api/documents', { status: 'failed', size: PAGE_SIZE, page }, signal);
    render(data, page);
  } catch (error) {
    if (isAbort(error)) return;
    $('quarantine-total').textContent = '';
    clear(list);
    $('quarantine-pager').hidden = true;
    showMessage(error.message);
  } finally {
    if (!signal.aborted) list.removeAttribute('aria-busy');
  }
}

function render(data, page) {
  const total = typeof data.total === 'number' ? data.total : 0;
  const documents = Array.isArray(data.documents) ? data.documents.filter(Boolean) : [];
  $('quarantine-total').textContent = total > 0 ? `共 ${formatCount(total)} 个文件处理失败` : '';
  const list = clear($('quarantine-list'));
  if (documents.length === 0) {
    list.append(emptyNote(page > 1 && total > 0 ? '这一页没有文件，请返回上一页。' : '没有处理失败的文件。'));
  } else {
    const body = el('tbody');
    for (const doc of documents) {
      const id = doc.documentId;
      body.append(el('tr', { className: 'quarantine-row', dataset: { documentId: id } },
        el('td', { className: 'file-cell' },
          el('a', { href: docHash(id), text: doc.fileName || doc.title || id || '（无文件名）' }),
          doc.sizeBytes != null ? el('span', { className: 'sub', text: formatSize(doc.sizeBytes) }) : null),
        el('td', { className: 'error-cell', text: doc.error || '未知原因（服务器未提供说明）' }),
        el('td', {}, doc.errorCode ? el('code', { className: 'error-code', text: doc.errorCode }) : ''),
        el('td', { className: 'num', text: formatDateTime(doc.createdAt) }),
        el('td', { className: 'actions-cell' },
          el('a', { className: 'button button-secondary button-small download', href: docPaths.original(id), download: true, text: '下载原件' }),
          retryButton(id))));
    }
    list.append(table('quarantine-table', 'quarantine-table',
      [['文件'], ['原因'], ['错误代码'], ['上传时间', 'num'], ['操作']], body));
  }
  renderPager($('quarantine-pager'), total, page, PAGE_SIZE, (p) => pagedHash('quarantine', p));
}
