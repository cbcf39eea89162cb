// Backups (part of #/users, administrators only): make one now, list them, download one.
// The server chooses every backup's name; the page only shows names the server listed.

import { getJson, postJson, isAbort, backupPath } from './api.js';
import { $, el, clear, showMessage } from './dom.js';
import { formatDateTime, formatSize, formatCount } from './labels.js';
import { table, emptyNote } from './lists.js';

let wired = false;

/** Loads the list of backups into #backups-list. */
export async function renderBackups(signal) {
  wire();
  const list = $('backups-list');
  try {
    const data = await getJson(backupPath(), null, signal);
    renderTable(Array.isArray(data.backups) ? data.backups.filter(Boolean) : []);
  } catch (error) {
    if (isAbort(error)) return;
    clear(list);
    showMessage(`无法读取备份列表：${error.message}`);
  }
}

function renderTable(backups) {
  const list = clear($('backups-list'));
  if (backups.length === 0) {
    list.append(emptyNote('还没有备份。'));
    return;
  }
  const body = el('tbody');
  for (const backup of backups) {
    const name = String(backup.name ?? '');
    body.append(el('tr', { className: 'backup-row', dataset: { name } },
      el('td', { className: 'num', text: formatDateTime(backup.createdAt) }),
      el('td', { className: 'num', text: backup.documents == null ? '' : formatCount(backup.documents) }),
      el('td', { className: 'num', text: formatSize(backup.sizeBytes) }),
      el('td', { text: backup.madeBy ?? '' }),
      el('td', { className: 'actions-cell' },
        el('a', { className: 'button button-small button-secondary backup-download', href: backupPath(name), download: name,
          title: name, text: '下载' }))));
  }
  list.append(table('backups-table', 'backups-table', [['备份时间', 'num'], ['文档数', 'num'], ['大小', 'num'], ['制作者'], ['操作']], body));
}

async function onCreate() {
  const button = $('backup-create');
  const status = $('backup-status');
  button.disabled = true;
  status.textContent = '正在备份（目录、原件与索引），请稍候…';
  try {
    const made = await postJson(backupPath());
    status.textContent = `已完成备份：${formatCount(made.documents ?? 0)} 个文档，${formatSize(made.sizeBytes)}，用时 ${made.seconds ?? '?'} 秒。`;
    renderBackups();
  } catch (error) {
    status.textContent = '';
    showMessage(`备份失败：${error.message}`);
  } finally {
    button.disabled = false;
  }
}

function wire() {
  if (wired) return;
  wired = true;
  $('backup-create').addEventListener('click', onCreate);
}
