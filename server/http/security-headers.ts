// Security headers. Every response gets the base set (web-server.ts), with a locked-down
// Content-Security-Policy for what is not a page (API answers, PDFs, assets). Pages get a
// per-request nonce policy from proxy.ts instead: Next puts the nonce of the request's policy on
// its own scripts, and 'strict-dynamic' lets the scripts they load run too. Styles may be inline
// (React style attributes, Leaflet's positioning); images may come from any HTTPS host (the
// deployment's map tiles, MAP_TILE_URL).

/** The policy of a page rendered with `nonce`; development adds what React's dev tooling needs. */
export function pageContentSecurityPolicy(nonce: string, options: { dev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self'",
    `connect-src 'self'${options.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The policy of everything that is not a page: nothing may run, nothing may frame it. */
export const LOCKED_DOWN_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Headers on every response. HSTS only in production over HTTPS (a trusted proxy says so). */
export function baseSecurityHeaders(options: { production: boolean; https: boolean }): Record<string, string> {
  return {
    "content-security-policy": LOCKED_DOWN_CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    // Camera and location stay available to our own pages: attendance takes a selfie and a GPS fix.
    "permissions-policy": "camera=(self), geolocation=(self), microphone=(), payment=(), usb=(), interest-cohort=()",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    ...(options.production && options.https ? { "strict-transport-security": "max-age=31536000; includeSubDomains" } : {}),
  };
}
