// Every call to the service's public API goes through here: the bearer token, JSON in and out, problem+json errors.

const TOKEN_KEY = 'vcportfolio.token';

export function token() {
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export function setToken(value) {
  if (value) {
    sessionStorage.setItem(TOKEN_KEY, value);
  } else {
    sessionStorage.removeItem(TOKEN_KEY);
  }
}

/**
 * The first run's address carries a token in its fragment (`/#token=…`; a fragment never reaches a server or its logs).
 * Keep it in this tab like a typed one, and take it out of the address bar so it is not bookmarked or shared.
 */
export function takeTokenFromAddress() {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const given = fragment.get('token');
  if (given === null) {
    return;
  }
  setToken(given.trim());
  fragment.delete('token');
  const rest = fragment.toString();
  history.replaceState(history.state, '', location.pathname + location.search + (rest ? `#${rest}` : ''));
}

/** A refused call: HTTP status plus the RFC 9457 problem (title, detail, errors[{field, message}]). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
  }
}

async function call(method, path, { body, accept = 'application/json', headers = {} } = {}) {
  const h = { Accept: accept, ...headers };
  const t = token();
  if (t) {
    h.Authorization = `Bearer ${t}`;
  }
  if (body !== undefined) {
    h['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, { title: 'Network error', detail: `The service could not be reached (${e.message}).` });
  }
  if (!response.ok) {
    let problem;
    try {
      problem = await response.json();
    } catch {
      problem = { title: response.statusText, detail: `HTTP ${response.status}` };
    }
    throw new ApiError(response.status, problem);
  }
  return response;
}

export async function getJson(path) {
  return (await call('GET', path)).json();
}

export async function postJson(path, body, headers) {
  return (await call('POST', path, { body, headers })).json();
}

/** The matrix values as float32 little-endian, row-major [bucket][scenario]. */
export async function getMoic(matrixKey) {
  const response = await call('GET', `/api/matrices/${matrixKey}/moic`, { accept: 'application/octet-stream' });
  const buckets = Number(response.headers.get('X-Bucket-Count'));
  const scenarios = Number(response.headers.get('X-Scenario-Count'));
  const bytes = await response.arrayBuffer();
  if (bytes.byteLength !== buckets * scenarios * 4) {
    throw new Error(`matrix size ${bytes.byteLength} bytes does not match ${buckets} × ${scenarios} float32 values`);
  }
  return { buckets, scenarios, view: new DataView(bytes) };
}

/** A document the API serves (the printable report) as a Blob, fetched with the token like every call. */
export async function getBlob(path, accept) {
  return (await call('GET', path, { accept })).blob();
}
