// hetong web page entry point: hash routing between the views (see js/route.js for the routes).

import { $, clearMessage, showMessage } from './js/dom.js';
import { parseHash, searchHash } from './js/route.js';
import { renderSearch, cancelSearch } from './js/search-view.js';
import { renderDoc, cancelDoc } from './js/doc-view.js';
import { renderUpload, cancelUpload } from './js/upload-view.js';
import { renderDocuments, cancelDocuments } from './js/documents-view.js';
import { renderQuarantine, cancelQuarantine } from './js/quarantine-view.js';
import { renderTrash, cancelTrash } from './js/trash-view.js';
import { renderFamily, cancelFamily } from './js/family-view.js';
import { renderRisks, cancelRisks } from './js/risks-view.js';
import { renderDiff, cancelDiff } from './js/diff-view.js';
import { similarOnRoute } from './js/similar-panel.js';
import { wireSuggestions, closeSuggestions } from './js/suggest.js';
import { onUnauthorized } from './js/api.js';
import { loadSession, logOut, sessionEnded, currentSession, hasRole } from './js/session.js';
import { wireLogin, showLogin, renderAccount } from './js/login-view.js';
import { renderUsers, cancelUsers, hideTokenSecret } from './js/users-view.js';
import { renderAudit, cancelAudit } from './js/audit-view.js';

const APP_TITLE = 'hetong 合同检索';
const LAST_SEARCH_KEY = 'hetong.lastSearch';

// Every view: its container, its navigation link (none for a document), its title, and how to leave it.
const VIEWS = {
  search: { container: 'search-view', nav: 'nav-search', cancel: cancelSearch },
  doc: { container: 'doc-view', nav: null, cancel: cancelDoc },
  contract: { container: 'family-view', nav: null, title: '合同族', cancel: cancelFamily },
  diff: { container: 'diff-view', nav: null, title: '条款对比', cancel: cancelDiff },
  risks: { container: 'risks-view', nav: 'nav-risks', title: '风险', cancel: cancelRisks },
  upload: { container: 'upload-view', nav: 'nav-upload', title: '上传', cancel: cancelUpload },
  documents: { container: 'documents-view', nav: 'nav-documents', title: '档案', cancel: cancelDocuments },
  quarantine: { container: 'quarantine-view', nav: 'nav-quarantine', title: '待处理', cancel: cancelQuarantine },
  trash: { container: 'trash-view', nav: 'nav-trash', title: '回收站', cancel: cancelTrash },
  login: { container: 'login-view', nav: null, title: '登录', cancel: () => {} },
  account: { container: 'account-view', nav: 'nav-account', title: '修改密码', cancel: () => {} },
  users: { container: 'users-view', nav: 'nav-users', title: '账号', cancel: () => { cancelUsers(); hideTokenSecret(); } },
  audit: { container: 'audit-view', nav: 'nav-audit', title: '审计日志', cancel: cancelAudit },
};

// Views only an administrator can use; others are sent to the search page.
const ADMIN_VIEWS = new Set(['users', 'audit']);

let currentSearch = parseHash('').state;
let lastHash = null; // the page shown before the current one
let diffBack = null; // where "返回" of the diff view leads

function setBackLinks(hash) {
  $('back-to-search').href = hash;
  $('family-back').href = hash;
}

function rememberSearch(hash) {
  setBackLinks(hash);
  try {
    sessionStorage.setItem(LAST_SEARCH_KEY, hash);
  } catch {
    // Storage may be disabled; the link still works for this page load.
  }
}

function restoreSearchLink() {
  try {
    const saved = sessionStorage.getItem(LAST_SEARCH_KEY);
    if (saved && saved.startsWith('#/search')) setBackLinks(saved);
  } catch {
    // Ignore: default link goes to the home page.
  }
}

function showView(name) {
  for (const [key, view] of Object.entries(VIEWS)) {
    const active = key === name;
    $(view.container).hidden = !active;
    if (!active) view.cancel();
    if (view.nav) {
      const link = $(view.nav);
      if (active) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
  }
  document.body.dataset.view = name;
}

/** Shows the user box of the header for the logged-in account. */
function showUser(session) {
  $('user-name').textContent = session.username ?? '';
  $('user-role').textContent = session.roleLabel ?? '';
  $('user-box').hidden = false;
}

function showLoginView(note) {
  $('user-box').hidden = true;
  showView('login');
  document.title = `登录 — ${APP_TITLE}`;
  showLogin(note);
}

function route() {
  clearMessage();
  closeSuggestions();
  if (!currentSession().authenticated) {
    showLoginView();
    return;
  }
  let target = parseHash(location.hash);
  if (ADMIN_VIEWS.has(target.view) && !hasRole('admin')) target = parseHash('');
  const from = lastHash;
  lastHash = location.hash;
  similarOnRoute(target, location.hash);
  showView(target.view);
  const view = VIEWS[target.view];
  if (view.title) document.title = `${view.title} — ${APP_TITLE}`;

  switch (target.view) {
    case 'doc':
      document.title = APP_TITLE;
      renderDoc(target.id, target.clause);
      if (!target.clause) window.scrollTo(0, 0);
      return;
    case 'contract':
      renderFamily(target.id);
      window.scrollTo(0, 0);
      return;
    case 'diff':
      // Swapping sides keeps the way back to the page the diff was opened from.
      if (from == null || parseHash(from).view !== 'diff') diffBack = from && from !== '#' ? from : '#/';
      renderDiff(target.a, target.b, diffBack);
      window.scrollTo(0, 0);
      return;
    case 'risks':
      renderRisks(target.state);
      return;
    case 'upload':
      renderUpload(target.jobId);
      return;
    case 'documents':
      renderDocuments(target.state);
      return;
    case 'quarantine':
      renderQuarantine(target.page);
      return;
    case 'trash':
      renderTrash(target.page);
      return;
    case 'account':
      renderAccount();
      return;
    case 'users':
      renderUsers();
      return;
    case 'audit':
      renderAudit(target.state);
      return;
    default:
      currentSearch = target.state;
      document.title = target.state.q ? `${target.state.q} — ${APP_TITLE}` : APP_TITLE;
      rememberSearch(location.hash && location.hash !== '#' ? location.hash : '#/');
      renderSearch(target.state);
  }
}

function navigate(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

function onSubmit(event) {
  event.preventDefault();
  closeSuggestions();
  const q = $('q').value.trim();
  // A new query keeps the active filters and the sort order, and starts on page 1.
  navigate(searchHash({ ...currentSearch, q, page: 1 }));
}

function onSortChange() {
  navigate(searchHash({ ...currentSearch, sort: $('sort').value, page: 1 }));
}

/** "只看扫描件 (OCR)": keeps only clauses read by OCR (ocr=true), with the other filters and the sort order. */
function onOcrChange() {
  navigate(searchHash({ ...currentSearch, ocr: $('filter-ocr').checked ? 'true' : null, page: 1 }));
}

function onKey(event) {
  const typing = event.target.closest?.('input, textarea, select, [contenteditable]');
  if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
    event.preventDefault();
    $('q').focus();
    $('q').select();
  }
}

async function onLogout() {
  try {
    await logOut();
  } catch {
    // Logged out locally either way.
  }
  showLoginView();
}

function onLoggedIn(session) {
  showUser(session);
  lastHash = null;
  route();
}

async function start() {
  $('search-form').addEventListener('submit', onSubmit);
  $('sort').addEventListener('change', onSortChange);
  $('filter-ocr').addEventListener('change', onOcrChange);
  wireSuggestions();
  document.querySelector('#message .message-close').addEventListener('click', clearMessage);
  document.addEventListener('keydown', onKey);
  window.addEventListener('hashchange', route);
  wireLogin(onLoggedIn);
  $('logout').addEventListener('click', onLogout);
  onUnauthorized(() => {
    if (!currentSession().authenticated) return;
    sessionEnded();
    showLoginView('登录已过期，请重新登录。');
  });
  restoreSearchLink();
  try {
    const session = await loadSession();
    if (session.authenticated) showUser(session);
  } catch (error) {
    showMessage(error.message);
  }
  route();
}

start();
