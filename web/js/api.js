// Fetches JSON from the hetong API and turns every failure into an ApiError with a Chinese message.

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

export async function getJson(path, params, signal) {
  const url = path + queryString(params);
  let response;
  try {
    response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError('无法连接服务器，请检查网络连接后重试。', 0, 'network');
  }
  let body = null;
  try {
    body = await response.json();
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    // Not JSON: handled below.
  }
  if (!response.ok) {
    const text = body && typeof body.error === 'string' && body.error ? body.error : null;
    throw new ApiError(text ?? `服务器出错（HTTP ${response.status}），请稍后重试。`, response.status, body?.code);
  }
  if (body == null || typeof body !== 'object') {
    throw new ApiError('服务器返回的数据无法解析。', response.status, 'bad_response');
  }
  return body;
}

export function isAbort(error) {
  return error?.name === 'AbortError';
}

/** Paths of the document endpoints; ids are always encoded. */
export const docPaths = {
  json: (id) => `/api/documents/${encodeURIComponent(id)}`,
  original: (id) => `/api/documents/${encodeURIComponent(id)}/original`,
  text: (id) => `/api/documents/${encodeURIComponent(id)}/text`,
};
