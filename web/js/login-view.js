// The login form (shown instead of everything else while nobody is logged in) and the
// password change form (#/account).

import { postJsonBody, PASSWORD_PATH } from './api.js';
import { $ } from './dom.js';
import { logIn } from './session.js';

let loggedIn = null;

function showError(text) {
  const box = $('login-error');
  box.textContent = text ?? '';
  box.hidden = !text;
}

/** Shows the login form; note (optional) explains why, e.g. an ended session. */
export function showLogin(note) {
  showError(note ?? null);
  $('login-password').value = '';
  const name = $('login-username');
  (name.value ? $('login-password') : name).focus();
}

async function onLogin(event) {
  event.preventDefault();
  const username = $('login-username').value.trim();
  const password = $('login-password').value;
  if (!username || !password) {
    showError('请输入用户名和密码。');
    return;
  }
  const button = $('login-submit');
  button.disabled = true;
  try {
    const session = await logIn(username, password);
    showError(null);
    $('login-password').value = '';
    loggedIn?.(session);
  } catch (error) {
    showError(error.message);
    $('login-password').select();
  } finally {
    button.disabled = false;
  }
}

function passwordStatus(text, ok) {
  const box = $('password-status');
  box.textContent = text ?? '';
  box.classList.toggle('ok', Boolean(ok));
  box.hidden = !text;
}

async function onPasswordChange(event) {
  event.preventDefault();
  const currentPassword = $('password-current').value;
  const newPassword = $('password-new').value;
  if (newPassword !== $('password-repeat').value) {
    passwordStatus('两次输入的新密码不一致。');
    return;
  }
  const button = $('password-submit');
  button.disabled = true;
  try {
    await postJsonBody(PASSWORD_PATH, { currentPassword, newPassword });
    for (const id of ['password-current', 'password-new', 'password-repeat']) $(id).value = '';
    passwordStatus('密码已修改。其他设备上的登录已退出。', true);
  } catch (error) {
    passwordStatus(error.message);
  } finally {
    button.disabled = false;
  }
}

/** The password change view: starts with an empty form. */
export function renderAccount() {
  passwordStatus(null);
}

/** Wires both forms; onLoggedIn(session) runs after a successful login. */
export function wireLogin(onLoggedIn) {
  loggedIn = onLoggedIn;
  $('login-form').addEventListener('submit', onLogin);
  $('password-form').addEventListener('submit', onPasswordChange);
}
