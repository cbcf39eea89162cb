// Who is logged in: loads GET /api/session, logs in and out, and tells the page the role
// (body[data-role] hides what the role may not do; the server refuses it anyway).

import { getJson, postJsonBody, deleteJson, setCsrfToken, SESSION_PATH } from './api.js';

const ROLE_ORDER = ['reader', 'uploader', 'admin'];
let current = { authenticated: false };

function apply(session) {
  current = session && session.authenticated ? session : { authenticated: false };
  setCsrfToken(current.csrfToken);
  if (current.authenticated) document.body.dataset.role = current.role;
  else delete document.body.dataset.role;
  return current;
}

/** Asks the server who is logged in. */
export async function loadSession() {
  return apply(await getJson(SESSION_PATH));
}

export async function logIn(username, password) {
  return apply(await postJsonBody(SESSION_PATH, { username, password }));
}

export async function logOut() {
  try {
    await deleteJson(SESSION_PATH);
  } finally {
    apply(null);
  }
}

/** Forgets the session locally (the server said 401). */
export function sessionEnded() {
  apply(null);
}

export function currentSession() {
  return current;
}

/** True when the logged-in account has at least this role (reader, uploader, admin). */
export function hasRole(role) {
  return current.authenticated && ROLE_ORDER.indexOf(current.role) >= ROLE_ORDER.indexOf(role);
}
