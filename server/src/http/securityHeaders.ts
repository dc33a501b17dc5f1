/**
 * The one place that says what the browser may do with our responses: headers sent with
 * every response (including refused upgrades) and the Content-Security-Policy of the pages.
 * Everything the client needs comes from its own origin; `data:` and `blob:` are allowed only
 * where tldraw or our code makes them (see each directive).
 */

/** Browser features the client never uses; denied to the page and anything it could embed. */
const DENIED_FEATURES = [
  'accelerometer',
  'bluetooth',
  'camera',
  'display-capture',
  'encrypted-media',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
]

/** Features the client uses, for its own origin only [1]. */
const OWN_FEATURES = ['clipboard-read', 'clipboard-write', 'fullscreen']

/** Sent with every HTTP response, including refused upgrades. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  // No other window (a link opened from elsewhere, a popup) keeps a handle on a board tab.
  'Cross-Origin-Opener-Policy': 'same-origin',
  // Photos and files are for our own pages; another site cannot embed or read them [2].
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': [
    ...DENIED_FEATURES.map((feature) => `${feature}=()`),
    ...OWN_FEATURES.map((feature) => `${feature}=(self)`),
  ].join(', '),
}

export interface PagePolicyOptions {
  /** Origins that may show our pages in a frame (config.frameAncestors); empty: none. */
  frameAncestors: readonly string[]
}

/** The Content-Security-Policy of the client's pages (index.html and the rest of dist). */
export function contentSecurityPolicy({ frameAncestors }: PagePolicyOptions): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // Only the built bundle: index.html has no inline script and nothing uses eval [3].
    'script-src': ["'self'"],
    // tldraw writes <style> elements (its style defs, the toolbar, the watermark) and style
    // attributes: without 'unsafe-inline' the board's first <style> is refused (seen in the
    // e2e test). A nonce would cover the elements only, and needs a per-request page [4].
    'style-src': ["'self'", "'unsafe-inline'"],
    // data: tldraw's icons, exports and QR codes; blob: a pasted photo before it is
    // uploaded, the export's rasterising and the infographic preview. Both are refused
    // hundreds of times on the way through the e2e test without them.
    'img-src': ["'self'", 'data:', 'blob:'],
    // data: tldraw's PNG/SVG export embeds the board's fonts as data: URLs and loads them
    // in the page (without it the export is refused; tests/e2e/csp.test.ts).
    'font-src': ["'self'", 'data:'],
    // 'self' also covers ws:/wss: to the same host in CSP Level 3 (Chromium, Firefox,
    // Safari); tests/e2e/csp.test.ts proves the board syncs under it.
    'connect-src': ["'self'"],
    'worker-src': ["'self'"],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': frameAncestors.length > 0 ? [...frameAncestors] : ["'none'"],
  }
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ')
}

/** Headers for every page of the client: its CSP and, when no frame may show it, XFO. */
export function pageSecurityHeaders(options: PagePolicyOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(options),
  }
  // For browsers without frame-ancestors; with allowed origins XFO cannot express them.
  if (options.frameAncestors.length === 0) headers['X-Frame-Options'] = 'DENY'
  return headers
}

// [1] clipboard-write: "Kopieer link" in the share dialog; clipboard-read: tldraw's paste
//     menu item; fullscreen: presentation mode on a projector. Read aloud (speechSynthesis)
//     and the photo picker (a file input, also on phones with a camera) need no permission.
// [2] Our own pages are same-origin, so photos on boards, exports and QR codes still work.
// [3] Checked on the built dist: Vite writes one <script type="module" src>, and
//     vite-plugin-pwa registers its worker from a module (injectRegister: null).
// [4] tldraw/tldraw#5153 and #5607: tldraw 5 only offers a nonce for its <style> elements.
