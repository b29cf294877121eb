/**
 * The Content-Security-Policy of every page (a <meta>, since the site is static files).
 * Scripts only from the site itself; 'wasm-unsafe-eval' because Pagefind searches in WebAssembly.
 * No inline scripts or styles: Astro writes its CSS to files (build.inlineStylesheets: 'never') and
 * the search page loads its starter from /search.js. frame-ancestors cannot be set from a <meta>.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
