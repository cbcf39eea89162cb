// The audit log (#/audit, administrators only): who did what, to what, when and from where,
// filtered by account, action and dates, with a CSV export of the same filter.

import { getJson, isAbort, AUDIT_PATH, auditExportPath } from './api.js';
import { $, el, clear, showMessage } from './dom.js';
import { formatCount } from './labels.js';
import { docHash, auditHash } from './route.js';
import { renderPager, table, emptyNote } from './lists.js';

const PAGE_SIZE = 50;
const DOCUMENT_ID = /^[0-9a-f]{16}$/;

/** Audit actions and their names, in the order of the filter. */
export const AUDIT_ACTIONS = [
  ['login', '登录'], ['login-failed', '登录失败'], ['login-throttled', '登录受限'], ['logout', '退出'],
  ['password-change', '修改密码'], ['search', '检索'], ['search-export', '导出检索结果'], ['view', '查看文档'],
  ['view-family', '查看合同族'], ['text', '查看全文'], ['download', '下载原件'], ['upload', '上传'], ['retry', '重试'],
  ['family-link', '指定合同族'], ['family-unlink', '移除合同族关联'], ['family-confirm', '确认合同族关联'],
  ['delete', '删除'], ['restore', '恢复'], ['user-create', '创建账号'], ['user-change', '修改账号'],
  ['token-create', '创建令牌'], ['token-revoke', '撤销令牌'], ['token-failed', '令牌无效'],
  ['audit-export', '导出审计日志'], ['backup-create', '制作备份'], ['backup-download', '下载备份'],
  ['backup-restore', '从备份恢复'], ['denied', '拒绝访问'],
];
const ACTION_LABELS = Object.fromEntries(AUDIT_ACTIONS);

let pending = null;
let wired = false;

export function cancelAudit() {
  pending?.abort();
  pending = null;
}

/** A date of the filter (yyyy-mm-dd, the browser's day) as the instant it starts; end: the next day's start. */
function dayStart(date, end) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date ?? '')) return null;
  const [y, m, d] = date.split('-').map(Number);
  const start = new Date(y, m - 1, d + (end ? 1 : 0));
  return Number.isNaN(start.getTime()) ? null : start.toISOString();
}

function apiParams(state) {
  return { user: state.user, action: state.action, from: dayStart(state.from, false), to: dayStart(state.to, true) };
}

function fillForm(state) {
  const select = $('audit-action');
  if (select.options.length === 0) {
    select.append(el('option', { value: '', text: '全部' }),
      ...AUDIT_ACTIONS.map(([code, label]) => el('option', { value: code, text: label })));
  }
  $('audit-user').value = state.user ?? '';
  select.value = state.action ?? '';
  $('audit-from').value = state.from ?? '';
  $('audit-to').value = state.to ?? '';
  $('audit-export').href = auditExportPath(apiParams(state));
}

export async function renderAudit(state) {
  cancelAudit();
  wire();
  fillForm(state);
  pending = new AbortController();
  const signal = pending.signal;
  const list = $('audit-list');
  list.setAttribute('aria-busy', 'true');
  $('audit-total').textContent = '正在加载…';
  try {
    const data = await getJson(AUDIT_PATH, { ...apiParams(state), page: state.page, size: PAGE_SIZE }, signal);
    render(data, state);
  } catch (error) {
    if (isAbort(error)) return;
    $('audit-total').textContent = '';
    clear(list);
    $('audit-pager').hidden = true;
    showMessage(error.message);
  } finally {
    if (!signal.aborted) list.removeAttribute('aria-busy');
  }
}

function targetCell(entry) {
  const target = entry.target ?? '';
  if (DOCUMENT_ID.test(target)) return el('td', { className: 'audit-target' }, el('a', { href: docHash(target), text: target }));
  return el('td', { className: 'audit-target', text: target });
}

function render(data, state) {
  const total = typeof data.total === 'number' ? data.total : 0;
  const entries = Array.isArray(data.entries) ? data.entries.filter(Boolean) : [];
  $('audit-total').textContent = `共 ${formatCount(total)} 条记录`;
  const list = clear($('audit-list'));
  if (entries.length === 0) {
    list.append(emptyNote('没有符合条件的记录。'));
  } else {
    const body = el('tbody');
    for (const entry of entries) {
      const at = new Date(entry.at);
      body.append(el('tr', { className: 'audit-row', dataset: { action: entry.action, username: entry.username } },
        el('td', { className: 'num nowrap', title: entry.at, text: Number.isNaN(at.getTime()) ? String(entry.at ?? '') : at.toLocaleString('zh-CN') }),
        el('td', { className: 'audit-user', text: entry.username ?? '（未登录）' }),
        el('td', { className: 'audit-action nowrap', title: entry.action, text: ACTION_LABELS[entry.action] ?? entry.action }),
        targetCell(entry),
        el('td', { className: 'audit-detail', text: entry.detail ?? '' }),
        el('td', { className: 'audit-ip nowrap', text: entry.ip ?? '' }),
        el('td', { className: 'num', text: entry.status ? String(entry.status) : '' })));
    }
    list.append(table('audit-table', 'audit-table',
      [['时间', 'num'], ['账号'], ['操作'], ['对象'], ['详情'], ['来源地址'], ['状态', 'num']], body));
  }
  renderPager($('audit-pager'), total, state.page, PAGE_SIZE, (page) => auditHash({ ...state, page }));
}

function onFilter(event) {
  event.preventDefault();
  const state = {
    user: $('audit-user').value.trim() || null,
    action: $('audit-action').value || null,
    from: $('audit-from').value || null,
    to: $('audit-to').value || null,
    page: 1,
  };
  const hash = auditHash(state);
  if (location.hash === hash) renderAudit(state);
  else location.hash = hash;
}

function wire() {
  if (wired) return;
  wired = true;
  $('audit-filters').addEventListener('submit', onFilter);
}
