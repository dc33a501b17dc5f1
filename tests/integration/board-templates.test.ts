import { BOARD_TEMPLATES, createWijktafelSchema, validateWijktafelRecord } from '@wijktafel/shared'
import type { CreateBoardResponse } from '@wijktafel/shared'
import { describe, expect, it } from 'vitest'
import { testContext, type TestServer } from '../helpers/testContext.js'
import { waitForSynced } from '../helpers/waitFor.js'

const { startServer, connectClient } = testContext()

async function createFromTemplate(
  server: TestServer,
  body: Record<string, unknown>,
): Promise<Response> {
  return fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
}

type JsonRecord = { typeName: string; type?: string; name?: string }

describe('a board made from a template', () => {
  it.each(BOARD_TEMPLATES)(
    'opens with the %s template for everyone who joins',
    async (template) => {
      const server = await startServer()
      const res = await createFromTemplate(server, { title: 'De Horst', template, locale: 'nl' })
      expect(res.status).toBe(201)
      const board = (await res.json()) as CreateBoardResponse
      const client = connectClient(server, board.id, board.tokens.editor)
      await waitForSynced(client.provider)

      const records = [...client.doc.getMap<JsonRecord>('records').values()]
      const schema = createWijktafelSchema()
      for (const record of records)
        expect(validateWijktafelRecord(schema, record)).toEqual({ ok: true })
      const pages = records.filter((r) => r.typeName === 'page').map((p) => p.name)
      const types = new Set(records.filter((r) => r.typeName === 'shape').map((s) => s.type))
      expect(records.find((r) => r.typeName === 'document')?.name).toBe('De Horst')
      expect(client.doc.getMap('meta').get('schema')).toEqual(schema.serialize())

      if (template === 'belangenkaart') {
        expect(pages).toEqual(['Belangenkaart'])
        expect([...types]).toEqual(
          expect.arrayContaining(['wt-dream', 'wt-participant', 'wt-zone', 'wt-legend']),
        )
      }
      if (template === 'both') expect(pages).toEqual(['Belangenkaart', 'Partnerschapskaart'])
      // The example has its road too (shared/src/road).
      if (template === 'example') {
        expect(pages).toEqual(['Belangenkaart', 'Partnerschapskaart', 'De weg'])
      }
      if (template === 'example') {
        expect([...types]).toEqual(expect.arrayContaining(['wt-interest', 'wt-action', 'arrow']))
      }
      if (template === 'empty') expect(types.size).toBe(0)
    },
  )

  it('refuses an unknown template with a clear message and creates nothing', async () => {
    const server = await startServer()
    const before = server.server.store.countBoards()
    const res = await createFromTemplate(server, { title: 'De Horst', template: 'kaart' })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: string }).error).toMatch(/template must be one of/)
    expect(server.server.store.countBoards()).toBe(before)
  })
})
