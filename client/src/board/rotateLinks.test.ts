import { isToken } from '@wijktafel/shared'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { rotateAndCheck, type RotateOutcome } from './rotateLinks'

const BOARD = 'AAAAAAAAAAAAAAAAAAAAAA'
const OLD = 'o'.repeat(43)

/**
 * A server that commits every rotation, then loses the answer (the network changed): the
 * POST rejects. Afterwards it knows the token it stored, not the old one.
 */
function committingServer(answerLost: boolean) {
  const server = { facilitator: OLD, linkEpoch: 3, sentFirst: [] as string[] }
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    const auth = new Headers(init?.headers).get('Authorization')?.slice('Bearer '.length)
    if (auth !== server.facilitator) return new Response('{}', { status: 401 })
    if (url.endsWith('/links/rotate')) {
      const body = JSON.parse(String(init?.body)) as { facilitator?: boolean; token?: string }
      if (body.facilitator && body.token) server.facilitator = body.token
      server.linkEpoch += 1
      if (answerLost) throw new TypeError('Failed to fetch')
      return Response.json({ tokens: { editor: 'e', viewer: 'v' }, linkEpoch: server.linkEpoch })
    }
    return Response.json({
      id: BOARD,
      title: 'x',
      createdAt: '',
      role: 'facilitator',
      linkEpoch: server.linkEpoch,
    })
  })
  vi.stubGlobal('fetch', fetch)
  return server
}

afterEach(() => void vi.unstubAllGlobals())

/** "Ook mijn eigen link vernieuwen" from epoch 3; `saved` lists what was kept, in order. */
async function rotateOwn(saved: string[], save = (t: string) => void saved.push(t)) {
  return rotateAndCheck({ boardId: BOARD, token: OLD, linkEpoch: 3, own: true, saveOwnToken: save })
}

describe('rotateAndCheck', () => {
  it('keeps the new own link when the answer is lost after the server committed', async () => {
    const server = committingServer(true)
    const saved: string[] = []
    const outcome = await rotateOwn(saved, (t) => {
      saved.push(t)
      // Saved before the request left: the server has not seen it yet.
      if (saved.length === 1) expect(server.facilitator).toBe(OLD)
    })
    expect(outcome).toEqual<RotateOutcome>({ kind: 'own', token: server.facilitator })
    expect(isToken(server.facilitator)).toBe(true)
    expect(saved).toEqual([server.facilitator]) // the new token, never the old one again
  })

  it('says the new editor links exist when only the answer was lost', async () => {
    committingServer(true)
    const outcome = await rotateAndCheck({
      boardId: BOARD,
      token: OLD,
      linkEpoch: 3,
      own: false,
      saveOwnToken: () => expect.unreachable(),
    })
    expect(outcome).toEqual<RotateOutcome>({ kind: 'done', linkEpoch: 4 })
  })

  it('says the old links work only when the server still knows them unchanged', async () => {
    // A proxy answers 502 and the server never saw the request.
    const fetch = vi.fn(async (url: string, init?: RequestInit) => {
      const auth = new Headers(init?.headers).get('Authorization')
      if (url.endsWith('/links/rotate')) return new Response('{}', { status: 502 })
      if (auth !== `Bearer ${OLD}`) return new Response('{}', { status: 401 })
      return Response.json({
        id: BOARD,
        title: 'x',
        createdAt: '',
        role: 'facilitator',
        linkEpoch: 3,
      })
    })
    vi.stubGlobal('fetch', fetch)
    const saved: string[] = []
    const outcome = await rotateOwn(saved)
    expect(outcome).toEqual<RotateOutcome>({ kind: 'unchanged', linkEpoch: 3 })
    expect(saved.at(-1)).toBe(OLD) // the old link is the one kept again
  })

  it('claims nothing when no answer comes at all', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('offline'))),
    )
    const saved: string[] = []
    const outcome = await rotateOwn(saved)
    expect(saved).toHaveLength(1) // the new token stays kept: it may be the only key now
    expect(saved[0]).not.toBe(OLD)
    expect(outcome).toEqual<RotateOutcome>({ kind: 'unknown', token: saved[0]! })
  })
})
