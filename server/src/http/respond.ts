import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ApiError, Parsed } from '@wijktafel/shared'

// Defined with the pages' policy in securityHeaders.ts; re-exported for the existing callers.
export { SECURITY_HEADERS } from './securityHeaders.js'

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  })
  res.end(text)
}

export function sendError(res: ServerResponse, status: number, code: string, error: string): void {
  const body: ApiError = { error, code }
  sendJson(res, status, body)
}

export function sendMethodNotAllowed(res: ServerResponse, allow: readonly string[]): void {
  res.setHeader('Allow', allow.join(', '))
  sendError(res, 405, 'method_not_allowed', `Use ${allow.join(' or ')} here.`)
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  })
  res.end(text)
}

export type BodyResult = { ok: true; text: string } | { ok: false; reason: 'too_large' | 'aborted' }
export type BytesResult =
  { ok: true; bytes: Buffer } | { ok: false; reason: 'too_large' | 'aborted' }

/**
 * Answers a body that could not be read: 413 with `tooLarge` past the limit, else 400. The
 * connection is closed: the rest of an oversized body is not worth reading.
 */
export function sendBodyError(
  res: ServerResponse,
  body: { reason: 'too_large' | 'aborted' },
  tooLarge: string,
): void {
  res.setHeader('Connection', 'close')
  if (body.reason === 'too_large') return sendError(res, 413, 'payload_too_large', tooLarge)
  sendError(res, 400, 'bad_request', 'The request body could not be read.')
}

/** A JSON body read by `parse`, or null after a 400 (`example` shows what JSON is expected). */
export function parseJsonBody<T>(
  res: ServerResponse,
  text: string,
  parse: (json: unknown) => Parsed<T>,
  example: string,
): T | null {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    sendError(res, 400, 'bad_request', `The body must be JSON like ${example}.`)
    return null
  }
  const parsed = parse(json)
  if (parsed.ok) return parsed.value
  sendError(res, 400, 'bad_request', parsed.error)
  return null
}

/** Reads a request body of at most `limit` bytes as UTF-8 text. */
export async function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const body = await readBodyBytes(req, limit)
  return body.ok ? { ok: true, text: body.bytes.toString('utf8') } : body
}

/** Reads a request body of at most `limit` bytes; stops reading as soon as it is over. */
export function readBodyBytes(req: IncomingMessage, limit: number): Promise<BytesResult> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'])
    if (Number.isFinite(declared) && declared > limit)
      return resolve({ ok: false, reason: 'too_large' })
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        req.removeAllListeners('data')
        req.pause()
        resolve({ ok: false, reason: 'too_large' })
      } else chunks.push(chunk)
    })
    req.on('end', () => resolve({ ok: true, bytes: Buffer.concat(chunks) }))
    req.on('error', () => resolve({ ok: false, reason: 'aborted' }))
    req.on('aborted', () => resolve({ ok: false, reason: 'aborted' }))
  })
}

/** Splits a request target into pathname and query without trusting it to be a URL [1]. */
export function splitUrl(target: string | undefined): { pathname: string; query: URLSearchParams } {
  const raw = target ?? '/'
  const q = raw.indexOf('?')
  return {
    pathname: q === -1 ? raw : raw.slice(0, q),
    query: new URLSearchParams(q === -1 ? '' : raw.slice(q + 1)),
  }
}

// [1] `new URL('//host/x', base)` reads `host` as a host name; request targets are paths.
