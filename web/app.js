// hetong web page entry point: hash routing between the search view and the document view.
// Routes: "#/", "#/search?q=…&type=…&kind=…&party=…&year=…&sort=date&page=N", "#/doc/{id}?clause={clauseId}".

import { $, clearMessage } from './js/dom.js';
import { parseHash, searchHash } from './js/route.js';
import { renderSearch, cancelSearch } from './js/search-view.js';
import { renderDoc, cancelDoc } from './js/doc-view.js';

const APP_TITLE = 'hetong 合同检索';
const LAST_SEARCH_KEY = 'hetong.lastSearch';

let currentSearch = parseHash('').state;

function rememberSearch(hash) {
  $('back-to-search').href = hash;
  try {
    sessionStorage.setItem(LAST_SEARCH_KEY, hash);
  } catch {
    // Storage may be disabled; the link still works for this page load.
  }
}

function restoreSearchLink() {
  try {
    const saved = sessionStorage.getItem(LAST_SEARCH_KEY);
    if (saved && saved.startsWith('#/search')) $('back-to-search').href = saved;
  } catch {
    // Ignore: default link goes to the home page.
  }
}

function route() {
  clearMessage();
  const target = parseHash(location.hash);
  const inDoc = target.view === 'doc';
  $('search-view').hidden = inDoc;
  $('doc-view').hidden = !inDoc;
  document.body.dataset.view = target.view;

  if (inDoc) {
    cancelSearch();
    document.title = APP_TITLE;
    renderDoc(target.id, target.clause);
    if (!target.clause) window.scrollTo(0, 0);
    return;
  }
  cancelDoc();
  currentSearch = target.state;
  document.title = target.state.q ? `${target.state.q} — ${APP_TITLE}` : APP_TITLE;
  rememberSearch(location.hash && location.hash !== '#' ? location.hash : '#/');
  renderSearch(target.state);
}

function navigate(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

function onSubmit(event) {
  event.preventDefault();
  const q = $('q').value.trim();
  // A new query keeps the active filters and the sort order, and starts on page 1.
  navigate(searchHash({ ...currentSearch, q, page: 1 }));
}

function onSortChange() {
  navigate(searchHash({ ...currentSearch, sort: $('sort').value, page: 1 }));
}

function onKey(event) {
  const typing = event.target.closest?.('input, textarea, select, [contenteditable]');
  if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
    event.preventDefault();
    $('q').focus();
    $('q').select();
  }
}

function start() {
  $('search-form').addEventListener('submit', onSubmit);
  $('sort').addEventListener('change', onSortChange);
  document.querySelector('#message .message-close').addEventListener('click', clearMessage);
  document.addEventListener('keydown', onKey);
  window.addEventListener('hashchange', route);
  restoreSearchLink();
  route();
}

start();
