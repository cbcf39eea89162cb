// Talks to the hetong API and turns every failure into an ApiError with a Chinese message.

export class ApiError extends Error {
  constructor(message, status, code) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code ?? null;
  }
}

/** Builds a query string, leaving out empty values. */
export function queryString(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value != null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? '?' + text : '';
}

const NETWORK_ERROR = '无法连接服务器，请检查网络连接后重试。';

// The login session's CSRF token, sent with every write (GET /api/session gives it); see session.js.
let csrfToken = null;
let unauthorizedHandler = null;

export function setCsrfToken(token) {
  csrfToken = typeof token === 'string' && token ? token : null;
}

/** Called (once per failed request) when the server answers 401: the session has ended. */
export function onUnauthorized(handler) {
  unauthorizedHandler = handler;
}

/** Headers of every API request: marks it as the page's (no browser password dialog) and adds the CSRF token to writes. */
function apiHeaders(method, headers) {
  headers['X-Requested-With'] = 'XMLHttpRequest';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  return headers;
}

function statusError(status) {
  if (status === 413) return '请求过大（HTTP 413），服务器拒绝接收。';
  return `服务器出错（HTTP ${status}），请稍后重试。`;
}

/** The error for a non-2xx answer: the server's own {"error"} text when it sent one. */
function errorOf(status, body) {
  const text = body && typeof body.error === 'string' && body.error ? body.error : null;
  if (status === 401 && body?.code === 'unauthenticated' && unauthorizedHandler) unauthorizedHandler();
  return new ApiError(text ?? statusError(status), status, body?.code);
}

async function requestJson(method, path, params, signal, json) {
  const url = path + queryString(params);
  const init = { method, signal, headers: apiHeaders(method, { Accept: 'application/json' }) };
  if (json !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(json);
  }
  let response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(NETWORK_ERROR, 0, 'network');
  }
  let body = null;
  try {
    body = await response.json();
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    // Not JSON: handled below.
  }
  if (!response.ok) throw errorOf(response.status, body);
  if (body == null || typeof body !== 'object') {
    throw new ApiError('服务器返回的数据无法解析。', response.status, 'bad_response');
  }
  return body;
}

export function getJson(path, params, signal) {
  return requestJson('GET', path, params, signal);
}

export function postJson(path, params, signal) {
  return requestJson('POST', path, params, signal);
}

export function deleteJson(path, params, signal) {
  return requestJson('DELETE', path, params, signal);
}

/** POST with a JSON body. */
export function postJsonBody(path, body, signal) {
  return requestJson('POST', path, null, signal, body ?? {});
}

/** PUT with a JSON body. */
export function putJson(path, body, signal) {
  return requestJson('PUT', path, null, signal, body ?? {});
}

/** Fetches a plain-text resource (the extracted text of a document). */
export async function getText(path, signal) {
  let response;
  try {
    response = await fetch(path, { signal, headers: apiHeaders('GET', { Accept: 'text/plain, application/json' }) });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(NETWORK_ERROR, 0, 'network');
  }
  if (!response.ok) {
    let body = null;
    try {
      body = await response.json();
    } catch {
      // Not JSON.
    }
    throw errorOf(response.status, body);
  }
  return response.text();
}

/**
 * Sends multipart form data with XMLHttpRequest (fetch cannot report upload progress).
 * onProgress(loadedBytes, totalBytes) is called while the body is being sent.
 * Resolves with the JSON body of a 2xx answer; rejects with an ApiError otherwise.
 * signal (an AbortSignal) aborts the request with an AbortError.
 */
export function postForm(url, formData, onProgress, signal) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [name, value] of Object.entries(apiHeaders('POST', {}))) xhr.setRequestHeader(name, value);
    xhr.responseType = 'text';
    if (onProgress) xhr.upload.addEventListener('progress', (event) => onProgress(event.loaded, event.total));
    xhr.addEventListener('load', () => {
      let body = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        // Not JSON: handled below.
      }
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(errorOf(xhr.status, body));
      } else if (body == null || typeof body !== 'object') {
        reject(new ApiError('服务器返回的数据无法解析。', xhr.status, 'bad_response'));
      } else {
        resolve(body);
      }
    });
    // A connection dropped by the server (e.g. a request refused for its size) also lands here.
    xhr.addEventListener('error', () => reject(new ApiError(NETWORK_ERROR + '（也可能是请求过大被服务器断开）', 0, 'network')));
    xhr.addEventListener('abort', () => reject(new DOMException('上传已取消', 'AbortError')));
    if (signal) {
      if (signal.aborted) {
        reject(new DOMException('上传已取消', 'AbortError'));
        return;
      }
      signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    xhr.send(formData);
  });
}

export function isAbort(error) {
  return error?.name === 'AbortError';
}

const enc = encodeURIComponent;

/** Paths of the document endpoints; ids are always encoded. */
export const docPaths = {
  json: (id) => `/api/documents/${enc(id)}`,
  original: (id) => `/api/documents/${enc(id)}/original`,
  inline: (id) => `/api/documents/${enc(id)}/original?inline=1`,
  text: (id) => `/api/documents/${enc(id)}/text`,
  retry: (id) => `/api/documents/${enc(id)}/retry`,
  restore: (id) => `/api/documents/${enc(id)}/restore`,
  // The document's link to its contract (family): PUT {contractId} assigns, DELETE removes.
  contract: (id) => `/api/documents/${enc(id)}/contract`,
  confirmContract: (id) => `/api/documents/${enc(id)}/contract/confirm`,
};

/** A contract with its family: timeline, clauses as amended, risks. */
export const contractPath = (id) => `/api/contracts/${enc(id)}`;

/** Contracts with risk flags: ?risk=<code or label>&page=&size=. */
export const RISKS_PATH = '/api/risks';

/** Paths of the upload endpoints. */
export const uploadPaths = {
  start: (expect) => `/api/uploads${queryString({ expect })}`,
  job: (jobId) => `/api/uploads/${enc(jobId)}`,
  list: () => '/api/uploads',
};

/** Paths of the clause endpoints: one clause, its precedents, the diff of two clauses. */
export const clausePaths = {
  json: (id) => `/api/clauses/${enc(id)}`,
  similar: (id) => `/api/clauses/${enc(id)}/similar`,
  diff: () => '/api/diff',
};

/** The login session, accounts, API tokens and the audit log. */
export const SESSION_PATH = '/api/session';
export const PASSWORD_PATH = '/api/session/password';
export const userPath = (name) => `/api/users${name == null ? '' : '/' + enc(name)}`;
export const tokenPath = (id) => `/api/tokens${id == null ? '' : '/' + enc(id)}`;
export const AUDIT_PATH = '/api/audit';
/** Backups (administrators): POST makes one, GET lists; a name the server listed downloads one. */
export const backupPath = (name) => `/api/admin/backups${name == null ? '' : '/' + enc(name)}`;
export const auditExportPath = (params) => '/api/audit/export.csv' + queryString(params);

/** As-you-type suggestions: ?q=&size=. */
export const SUGGEST_PATH = '/api/suggest';

/** The result list of a search as an .xlsx download: same parameters as /api/search. */
export const exportPath = (params) => '/api/search/export.xlsx' + queryString(params);
