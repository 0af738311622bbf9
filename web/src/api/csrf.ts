/** Names shared with the server (server/src/plugins/csrf.ts). */
const CSRF_COOKIE = 'cp_csrf';
const CSRF_HEADER = 'x-csrf-token';

/**
 * The header every write must carry: the session's CSRF token, which the server sets in a cookie page script can
 * read. A page of another site can make the browser send our cookies, but cannot read them to copy the token.
 * Empty when signed out (sign-in itself needs none).
 */
export function csrfHeader(): Record<string, string> {
  const entry = document.cookie.split('; ').find((part) => part.startsWith(`${CSRF_COOKIE}=`));
  return entry ? { [CSRF_HEADER]: decodeURIComponent(entry.slice(CSRF_COOKIE.length + 1)) } : {};
}

/** Headers for `method`: the CSRF token on writes only, so reads stay cacheable and simple. */
export function csrfHeaderFor(method: string): Record<string, string> {
  return method === 'GET' || method === 'HEAD' ? {} : csrfHeader();
}
