// The console's only way to the platform: the public API under /api/v1 with the key in the
// Authorization header. The key lives in sessionStorage (this tab only, gone when it closes);
// no cookie is ever set, so no other site can make requests on the user's behalf.

const KEY = 'perstack.apiKey';
const BASE = '/api/v1';

export function apiKey() {
  return sessionStorage.getItem(KEY);
}

export function signIn(key) {
  sessionStorage.setItem(KEY, key.trim());
}

export function signOut() {
  sessionStorage.removeItem(KEY);
}

/**
 * Reads `#key=…` from the address (a link printed by `perstack serve`), keeps the key, and
 * removes it from the address bar and the history so it is not shown, bookmarked or shared.
 * The fragment never reaches the server.
 */
export function takeKeyFromFragment() {
  const m = /^#key=([^&]+)(?:&(.*))?$/.exec(location.hash);
  if (!m) return false;
  signIn(decodeURIComponent(m[1]));
  history.replaceState(null, '', location.pathname + location.search + '#/' + (m[2] ? m[2] : ''));
  return true;
}

/** An API failure with the contract's error body: code, error, reason (text or field → rule). */
export class ApiError extends Error {
  constructor(code, body) {
    super(describe(code, body));
    this.code = code;
    this.body = body;
  }
}

function describe(code, body) {
  if (!body) return code === 0 ? 'the platform cannot be reached' : 'HTTP ' + code;
  const reason = body.reason;
  if (reason && typeof reason === 'object') {
    return Object.entries(reason).map(([field, rule]) => field + ': ' + rule).join('; ');
  }
  return (reason ? String(reason) : body.error || 'HTTP ' + code);
}

/** Called on a 401: the page shows the sign-in form again. */
let onUnauthorized = () => {};
export function whenUnauthorized(handler) { onUnauthorized = handler; }

/** One API call; resolves to the JSON body, rejects with an ApiError. */
export async function call(method, path, body) {
  const res = await send(method, path, body === undefined ? undefined : JSON.stringify(body), 'application/json');
  return readJson(res);
}

/** A call with a raw body (a file's bytes: a Blob or File); resolves to the JSON answer. */
export async function callRaw(method, path, bytes) {
  return readJson(await send(method, path, bytes, 'application/octet-stream'));
}

/**
 * GET of raw bytes (a workspace file): resolves to a Blob. The key goes in the header like every
 * other call, never in a URL, so the browser cannot be pointed at the file directly.
 */
export async function fetchBlob(path) {
  const res = await send('GET', path, undefined, undefined, 'application/octet-stream, application/json');
  if (!res.ok) return readJson(res); // rejects with the error body
  return res.blob();
}

async function send(method, path, body, contentType, accept = 'application/json') {
  const headers = { Authorization: 'Bearer ' + (apiKey() || ''), Accept: accept };
  if (body !== undefined) headers['Content-Type'] = contentType;
  try {
    return await fetch(BASE + path, { method, headers, body, credentials: 'omit', cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, null);
  }
}

async function readJson(res) {
  let json = null;
  try { json = await res.json(); } catch (e) { json = null; }
  if (!res.ok) {
    if (res.status === 401) onUnauthorized();
    throw new ApiError(res.status, json);
  }
  return json;
}

export const get = path => call('GET', path);
export const post = (path, body) => call('POST', path, body);
export const del = path => call('DELETE', path);

/** `@org/name[@version]` → `/experts/%40org/name[%40version]`; each segment encoded on its own, as the contract asks. */
export function expertPath(key, suffix = '') {
  const m = /^(@[^/]+)\/(.+)$/.exec(key);
  if (!m) throw new Error('not an expert key: ' + key);
  return '/experts/' + encodeURIComponent(m[1]) + '/' + encodeURIComponent(m[2]) + suffix;
}

/** Resolves to `fallback` when the call answers 404 (nothing there yet); other errors stay errors. */
export function orWhenMissing(promise, fallback) {
  return promise.catch(e => { if (e.code === 404) return fallback; throw e; });
}

export function query(params) {
  const parts = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => encodeURIComponent(k) + '=' + encodeURIComponent(v));
  return parts.length ? '?' + parts.join('&') : '';
}

/** Base URL of the API, for the stream reader. */
export const API_BASE = BASE;
