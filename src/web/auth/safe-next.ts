/**
 * Where to go after signing in: only a path of this site. Anything a browser could read as another site (`//host`,
 * `/\host`, `/\t/host` once it drops the tab, `https://host`), or a header could not carry, becomes `/admin`.
 */
const fallback = '/admin';

// Browsers drop tabs and newlines inside URLs and treat a backslash as a slash, so `/\t/evil.example` and
// `/\evil.example` both leave the site; such characters have no business in a path we send people to.
const unsafeCharacter = /[\s\p{Cc}\p{Cf}\\]/u;

function isSameSitePath(path: string): boolean {
  return path.startsWith('/') && !path.startsWith('//') && !unsafeCharacter.test(path);
}

/** `fn(value)`, or undefined where it throws (a malformed escape, a lone surrogate). */
function attempt(fn: (value: string) => string, value: string): string | undefined {
  try {
    return fn(value);
  } catch {
    return undefined;
  }
}

// A Location header carries ASCII only: other characters go percent-encoded, as the browser would send them.
const asciiOnly = (path: string) => path.replace(/[^\x21-\x7e]+/g, encodeURI);

/**
 * The path to redirect to after login: `value` when it is a same-site path both as given and once percent-decoded.
 * @example safeNext('/admin/users') // '/admin/users'
 * @example safeNext('/\t/evil.example') // '/admin'
 */
export function safeNext(value: unknown): string {
  if (typeof value !== 'string' || !isSameSitePath(value)) return fallback;
  const decoded = attempt(decodeURIComponent, value);
  if (decoded === undefined || !isSameSitePath(decoded)) return fallback;
  const encoded = attempt(asciiOnly, value);
  if (encoded === undefined) return fallback;
  // The last word goes to a URL parser, resolving the path against our origin as a browser would.
  const base = 'http://mieruka.invalid';
  return new URL(encoded, base).origin === base ? encoded : fallback;
}
