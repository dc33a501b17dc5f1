import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'
import sirv from 'sirv'
import { sendText } from './respond.js'

type Handler = (req: IncomingMessage, res: ServerResponse) => void

/**
 * Serves the built client with a single-page fallback to index.html (so /b/<id> works).
 * Vite's /assets/* carry content hashes and are cached for good; everything else is
 * revalidated. Until the client is built, every page is a plain 503.
 */
export function createStaticHandler(clientDist: string | null): Handler {
  let serve: ReturnType<typeof sirv> | null = null
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD')
      return sendText(res, 405, 'Method not allowed.\n')
    }
    // Checked per request until found, so building the client does not need a restart.
    if (!serve && clientDist && existsSync(join(clientDist, 'index.html'))) {
      serve = sirv(clientDist, {
        single: true,
        etag: true,
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
