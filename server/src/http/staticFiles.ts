import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'
import sirv from 'sirv'
import { sendText } from './respond.js'
import { pageSecurityHeaders, type PagePolicyOptions } from './securityHeaders.js'

type Handler = (req: IncomingMessage, res: ServerResponse) => void

/**
 * Serves the built client with a single-page fallback to index.html (so /b/<id> works).
 * Vite's /assets/* carry content hashes and are cached for good; everything else is
 * revalidated. Files the build precompressed (x.js.br, x.js.gz) are sent to browsers that
 * accept them [1]. Every answer carries the pages' Content-Security-Policy [2]. Until the
 * client is built, every page is a plain 503.
 */
export function createStaticHandler(
  clientDist: string | null,
  policy: PagePolicyOptions = { frameAncestors: [] },
): Handler {
  const pageHeaders = Object.entries(pageSecurityHeaders(policy))
  let serve: ReturnType<typeof sirv> | null = null
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD')
      return sendText(res, 405, 'Method not allowed.\n')
    }
    for (const [name, value] of pageHeaders) res.setHeader(name, value)
    // Checked per request until found, so building the client does not need a restart.
    if (!serve && clientDist && existsSync(join(clientDist, 'index.html'))) {
      serve = sirv(clientDist, {
        single: true,
        etag: true,
        brotli: true,
        gzip: true,
        // Looks files up per request instead of caching a listing: a rebuilt client (new
        // asset names, old ones deleted) would otherwise hit a read stream on a missing file.
        dev: true,
        setHeaders: (response, pathname) => {
          response.setHeader(
            'Cache-Control',
            pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
          )
        },
      })
    }
    if (!serve) return sendText(res, 503, 'The Wijktafel client is not built yet.\n')
    serve(req, res, () => sendText(res, 404, 'Not found.\n'))
  }
}

// [1] sirv picks x.br, then x.gz, then x by Accept-Encoding and sets Content-Encoding and
//     Vary: Accept-Encoding; the ETag is the chosen file's, so each encoding has its own.
//     The fallback (/b/<id>) gets index.html.br the same way. client/build/precompress.ts
//     writes the files.
// [2] On every file, not only index.html: an SVG or HTML file opened directly is a page too,
//     and the service worker script (sw.js) gets the same limits. Set before sirv answers, so
//     304s and the 404 carry it as well.
