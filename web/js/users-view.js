// Accounts and API tokens (#/users, administrators only): create accounts, change their role,
// disable them, set a new password; create tokens (the secret is shown once) and revoke them;
// backups (js/backups-panel.js).

import { getJson, postJsonBody, putJson, deleteJson, isAbort, userPath, tokenPath } from './api.js';
import { $, el, clear, showMessage, clearMessage } from './dom.js';
import { formatDateTime } from './labels.js';
import { table, emptyNote } from './lists.js';
import { renderBackups } from './backups-panel.js';

const ROLES = [['reader', '查阅'], ['uploader', '上传'], ['admin', '管理']];
let pending = null;
let wired = false;

export function cancelUsers() {
  pending?.abort();
  pending = null;
}

export async function renderUsers() {
  cancelUsers();
  wire();
  pending = new AbortController();
  const signal = pending.signal;
  try {
    const [users, tokens] = await Promise.all([getJson(userPath(), null, signal), getJson(tokenPath(), null, signal)]);
    renderUserTable(Array.isArray(users.users) ? users.users.filter(Boolean) : []);
    renderTokenTable(Array.isArray(tokens.tokens) ? tokens.tokens.filter(Boolean) : []);
    renderBackups(signal);
  } catch (error) {
    if (isAbort(error)) return;
    showMessage(error.message);
  }
}

async function change(username, body, done) {
  try {
    await putJson(userPath(username), body);
    clearMessage();
    showMessage(done, 'info');
  } catch (error) {
    showMessage(`修改账号 ${username} 失败：${error.message}`);
  }
  renderUsers();
}

function roleSelect(user) {
  const select = el('select', { className: 'user-role-select', 'aria-label': `账号 ${user.username} 的角色` },
    ROLES.map(([code, label]) => el('option', { value: code, selected: code === user.role, text: label })));
  select.addEventListener('change', () => change(user.username, { role: select.value }, `已把 ${user.username} 的角色改为「${select.selectedOptions[0].textContent}」。`));
  return select;
}

function userActions(user) {
  const toggle = el('button', { type: 'button', className: 'button button-small button-secondary user-toggle',
    text: user.enabled ? '停用' : '启用' });
  toggle.addEventListener('click', () => change(user.username, { enabled: !user.enabled },
    user.enabled ? `已停用 ${user.username}。` : `已启用 ${user.username}。`));
  const reset = el('button', { type: 'button', className: 'button button-small button-secondary user-reset', text: '重设密码' });
  reset.addEventListener('click', () => {
    const password = window.prompt(`为 ${user.username} 设置新密码（至少 8 个字符）：`);
    if (password) change(user.username, { password }, `已为 ${user.username} 设置新密码，其现有登录已退出。`);
  });
  return el('td', { className: 'actions-cell' }, toggle, ' ', reset);
}

function renderUserTable(users) {
  const list = clear($('users-list'));
  const owners = clear($('token-create-user'));
  if (users.length === 0) {
    list.append(emptyNote('还没有账号。'));
    return;
  }
  const body = el('tbody');
  for (const user of users) {
    body.append(el('tr', { className: 'user-row' + (user.enabled ? '' : ' disabled'), dataset: { username: user.username } },
      el('td', { className: 'user-cell', text: user.username }),
      el('td', {}, roleSelect(user)),
      el('td', { className: 'nowrap', text: user.enabled ? '启用' : '已停用' }),
      el('td', { className: 'num', text: formatDateTime(user.createdAt) }),
      userActions(user)));
    if (user.enabled) owners.append(el('option', { value: user.username, text: `${user.username}（${user.roleLabel ?? user.role}）` }));
  }
  list.append(table('users-table', 'users-table', [['账号'], ['角色'], ['状态'], ['创建时间', 'num'], ['操作']], body));
}

function renderTokenTable(tokens) {
  const list = clear($('tokens-list'));
  if (tokens.length === 0) {
    list.append(emptyNote('还没有 API 令牌。'));
    return;
  }
  const body = el('tbody');
  for (const token of tokens) {
    let action = el('td', { className: 'actions-cell' });
    if (token.active) {
      const revoke = el('button', { type: 'button', className: 'button button-small button-danger token-revoke', text: '撤销' });
      revoke.addEventListener('click', async () => {
        if (!window.confirm(`撤销令牌「${token.name}」？使用它的脚本将无法再访问。`)) return;
        try {
          await deleteJson(tokenPath(token.id));
          showMessage(`已撤销令牌「${token.name}」。`, 'info');
        } catch (error) {
          showMessage(`撤销失败：${error.message}`);
        }
        renderUsers();
      });
      action = el('td', { className: 'actions-cell' }, revoke);
    }
    body.append(el('tr', { className: 'token-row' + (token.active ? '' : ' revoked'), dataset: { tokenId: token.id } },
      el('td', { className: 'token-name', text: token.name }),
      el('td', { text: token.username }),
      el('td', { text: token.createdBy }),
      el('td', { className: 'num', text: formatDateTime(token.createdAt) }),
      el('td', { className: 'nowrap', text: token.active ? '有效' : `已撤销 ${formatDateTime(token.revokedAt)}` }),
      action));
  }
  list.append(table('tokens-table', 'tokens-table', [['用途'], ['所属账号'], ['创建者'], ['创建时间', 'num'], ['状态'], ['操作']], body));
}

async function onCreateUser(event) {
  event.preventDefault();
  const username = $('user-create-name').value.trim();
  const password = $('user-create-password').value;
  const role = $('user-create-role').value;
  try {
    await postJsonBody(userPath(), { username, password, role });
    $('user-create-name').value = '';
    $('user-create-password').value = '';
    showMessage(`已创建账号 ${username}。`, 'info');
    renderUsers();
  } catch (error) {
    showMessage(`创建账号失败：${error.message}`);
  }
}

async function onCreateToken(event) {
  event.preventDefault();
  const name = $('token-create-name').value.trim();
  const username = $('token-create-user').value;
  try {
    const created = await postJsonBody(tokenPath(), { name, username });
    $('token-create-name').value = '';
    $('token-secret').textContent = typeof created.secret === 'string' ? created.secret : '';
    $('token-secret-box').hidden = false;
    clearMessage();
    renderUsers();
  } catch (error) {
    showMessage(`创建令牌失败：${error.message}`);
  }
}

function wire() {
  if (wired) return;
  wired = true;
  $('user-create-form').addEventListener('submit', onCreateUser);
  $('token-create-form').addEventListener('submit', onCreateToken);
}

/** Leaving the page hides a token secret that was shown. */
export function hideTokenSecret() {
  $('token-secret').textContent = '';
  $('token-secret-box').hidden = true;
}
