import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { bearerToken } from '../auth/authenticate.js'
import { sendError, sendMethodNotAllowed } from './respond.js'

/**
 * `GET /metrics`: off (404) without a METRICS_TOKEN; with one, only for a request that
 * sends it as `Authorization: Bearer <token>` [1].
 */
export function handleMetrics(
  req: IncomingMessage,
  res: ServerResponse,
  token: string | null,
  render: () => string,
): void {
  if (req.method !== 'GET') return sendMethodNotAllowed(res, ['GET'])
  if (token === null) return sendError(res, 404, 'not_found', 'Metrics are off: set METRICS_TOKEN.')
  if (!bearerMatches(req.headers.authorization, token)) {
    res.setHeader('WWW-Authenticate', 'Bearer')
    return sendError(res, 401, 'unauthorized', 'Send Authorization: Bearer <METRICS_TOKEN>.')
  }
  const text = render()
  res.writeHead(200, {
    'Content-Type': 'text/plain; version=0.0.4; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  })
  res.end(text)
}

/** Compares in constant time: both sides are hashed first, so even the length leaks nothing [2]. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const sent = bearerToken(header)
  return sent !== null && timingSafeEqual(sha256(sent), sha256(token))
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest()
}

// [1] The counters say how many boards are open, who is connected in which role and what
//     was refused: little, but nothing a stranger needs. Prometheus sends the token with
//     `authorization: { credentials: ... }` in its scrape config.
// [2] timingSafeEqual throws on buffers of different lengths; equal-length digests avoid
//     that and hide the token's length.
