import { describe, expect, it } from 'vitest'
import { parseMetrics, TEST_METRICS_TOKEN } from '../helpers/metrics.js'
import { geoShape, putRecords } from '../helpers/records.js'
import { createBoard, testContext } from '../helpers/testContext.js'
import { waitFor, waitForSynced } from '../helpers/waitFor.js'

const { startServer, connectClient, openRawSocket } = testContext()

describe('GET /metrics', () => {
  it('reports rooms, connections, messages, bytes, refusals and persistence in Prometheus text format', async () => {
    const server = await startServer({ compactAfterUpdates: 3 })
    const board = await createBoard(server, 'De Horst')
    const editor = connectClient(server, board.id, board.tokens.editor)
    const viewer = connectClient(server, board.id, board.tokens.viewer)
    await Promise.all([waitForSynced(editor.provider), waitForSynced(viewer.provider)])
    for (let i = 0; i < 4; i++) putRecords(editor.doc, geoShape(`s${i}`))
    await waitFor(() => viewer.doc.getMap('records').size === 4, { message: 'the viewer has all' })
    openRawSocket(`${server.wsUrl}/sync/${board.id}?token=${'A'.repeat(43)}`)
    const bad = openRawSocket(`${server.wsUrl}/sync/${board.id}?token=${board.tokens.editor}`)
    await bad.opened
    bad.ws.send('not binary')
    await waitFor(() => bad.closed !== null, { message: 'the bad socket is closed' })

    const res = await fetch(`${server.url}/metrics`, {
      headers: { Authorization: `Bearer ${TEST_METRICS_TOKEN}` },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8')
    const text = await res.text()
    // Every sample line belongs to a metric announced by # HELP and # TYPE.
    const announced = new Set(
      text.split('\n').flatMap((line) => /^# TYPE (\S+) /.exec(line)?.slice(1) ?? []),
    )
    for (const line of text.split('\n').filter((l) => l && !l.startsWith('#'))) {
      expect(line).toMatch(/^[a-z_]+(\{[a-z_]+="[^"]*"\})? -?[0-9.e+-]+$/)
      expect(announced.has(line.split(/[{ ]/)[0]!.replace(/_(bucket|sum|count)$/, ''))).toBe(true)
    }
    const m = parseMetrics(text)
    expect(m.get('wijktafel_rooms')).toBe(1)
    expect(m.get('wijktafel_connections{role="editor"}')).toBe(1)
    expect(m.get('wijktafel_connections{role="viewer"}')).toBe(1)
    expect(m.get('wijktafel_connections{role="facilitator"}')).toBe(0)
    expect(m.get('wijktafel_messages_total{type="sync_update"}')).toBe(4)
    expect(m.get('wijktafel_messages_total{type="sync_step1"}')).toBe(2)
    expect(m.get('wijktafel_bytes_received_total')).toBeGreaterThan(0)
    expect(m.get('wijktafel_bytes_sent_total')).toBeGreaterThan(0)
    expect(m.get('wijktafel_refused_connections_total{reason="unauthorized"}')).toBe(1)
    expect(m.get('wijktafel_refused_messages_total{reason="text_frame"}')).toBe(1)
    expect(m.get('wijktafel_persist_seconds_count')).toBe(4)
    expect(m.get('wijktafel_persist_seconds_bucket{le="+Inf"}')).toBe(4)
    expect(m.get('wijktafel_persist_seconds_sum')).toBeGreaterThan(0)
    expect(m.get('wijktafel_compactions_total')).toBe(1)
    expect(m.get('wijktafel_storage_failing')).toBe(0)
  })

  it('is off without METRICS_TOKEN, and answers only the right bearer token with one', async () => {
    const off = await startServer({ metricsToken: null })
    const unset = await fetch(`${off.url}/metrics`, {
      headers: { Authorization: `Bearer ${TEST_METRICS_TOKEN}` },
    })
    expect(unset.status).toBe(404)
    expect(await unset.json()).toEqual({
      code: 'not_found',
      error: 'Metrics are off: set METRICS_TOKEN.',
    })

    const server = await startServer({ metricsToken: TEST_METRICS_TOKEN })
    const ask = (authorization?: string) =>
      fetch(`${server.url}/metrics`, authorization ? { headers: { authorization } } : {})
    for (const wrong of [
      undefined,
      `Bearer ${TEST_METRICS_TOKEN}x`,
      `Bearer ${TEST_METRICS_TOKEN.slice(1)}`,
      `Basic ${TEST_METRICS_TOKEN}`,
      TEST_METRICS_TOKEN,
    ]) {
      const res = await ask(wrong)
      expect(res.status, String(wrong)).toBe(401)
      expect(res.headers.get('www-authenticate')).toBe('Bearer')
      expect(await res.text()).not.toContain('wijktafel_')
    }
    const right = await ask(`Bearer ${TEST_METRICS_TOKEN}`)
    expect(right.status).toBe(200)
    expect(parseMetrics(await right.text()).get('wijktafel_rooms')).toBe(0)
  })

  it('/healthz answers 503 when the database does not answer', async () => {
    const server = await startServer()
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    server.server.store.close()
    const res = await fetch(`${server.url}/healthz`)
    expect(res.status).toBe(503)
    expect(await res.json()).toEqual({ ok: false, error: 'database unavailable' })
  })
})
