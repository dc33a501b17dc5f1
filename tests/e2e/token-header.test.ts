import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateBoardResponse } from '@wijktafel/shared'
import { startApp, type RunningApp } from './support/app.js'
import { drawRectangle, joinAs, shapeCount } from './support/board.js'
import { launchPerson, type Person } from './support/browser.js'

/**
 * The link's token never shows in a WebSocket URL, where the browser's console, proxies and
 * server logs would write it down: it travels in Sec-WebSocket-Protocol.
 */
describe('the sync token stays out of the URL in a real browser', () => {
  let app: RunningApp
  let marieke: Person
  let fatma: Person
  /** Per person: every WebSocket URL the page opened, and the subprotocols it offered. */
  const urls = new Map<Person, string[]>()
  const offered = new Map<Person, string[]>()

  beforeAll(async () => {
    app = await startApp()
    ;[marieke, fatma] = await Promise.all([launchPerson('Marieke'), launchPerson('Fatma')])
    for (const person of [marieke, fatma]) {
      const seenUrls: string[] = []
      const seenProtocols: string[] = []
      urls.set(person, seenUrls)
      offered.set(person, seenProtocols)
      person.page.on('websocket', (ws) => seenUrls.push(ws.url()))
      // The handshake headers as Chromium sends them, from its own network log.
      const cdp = await person.context.newCDPSession(person.page)
      await cdp.send('Network.enable')
      cdp.on('Network.webSocketWillSendHandshakeRequest', ({ request }) => {
        const headers = request.headers as Record<string, string>
        const key = Object.keys(headers).find((h) => h.toLowerCase() === 'sec-websocket-protocol')
        seenProtocols.push(key ? headers[key]! : '(none)')
      })
    }
  })

  afterAll(async () => {
    await Promise.all([marieke, fatma].map((p) => p?.close()))
    await app?.close()
  })

  it('two browsers sync with no token in any WebSocket URL or console line', async () => {
    const res = await fetch(`${app.url}/api/boards`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'De Horst', template: 'empty' }),
    })
    expect(res.status).toBe(201)
    const board = (await res.json()) as CreateBoardResponse
    await joinAs(marieke, `${app.url}/b/${board.id}#${board.tokens.facilitator}`)
    await joinAs(fatma, `${app.url}/b/${board.id}#${board.tokens.editor}`)

    await drawRectangle(marieke.page, { x: 300, y: 250 }, { x: 520, y: 400 })
    await fatma.page.waitForFunction(() => window.editor!.getCurrentPageShapes().length === 1)
    expect(await shapeCount(marieke.page)).toBe(1)

    // The server goes away and comes back: the browser logs the failed connections.
    await app.restart()
    await drawRectangle(fatma.page, { x: 600, y: 250 }, { x: 700, y: 400 })
    await marieke.page.waitForFunction(() => window.editor!.getCurrentPageShapes().length === 2)

    for (const [person, token] of [
      [marieke, board.tokens.facilitator],
      [fatma, board.tokens.editor],
    ] as const) {
      const sync = urls.get(person)!.filter((url) => url.includes(`/sync/${board.id}`))
      // The first connection and the one after the restart, at least.
      expect(sync.length, person.name).toBeGreaterThanOrEqual(2)
      for (const url of sync) {
        expect(url).not.toContain('token=')
        expect(url).not.toContain(token)
      }
      const protocols = offered.get(person)!
      expect(protocols.length).toBe(urls.get(person)!.length)
      for (const header of protocols) expect(header).toBe(`wijktafel, wijktafel.token.${token}`)
      expect(person.errors.filter((line) => line.includes(token))).toEqual([])
    }
  })
})
