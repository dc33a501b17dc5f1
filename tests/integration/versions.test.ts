import { describe, expect, it } from 'vitest'
import type {
  CreateBoardResponse,
  RestoreVersionResponse,
  VersionDetailResponse,
} from '@wijktafel/shared'
import { TINY_PNG, expectError, listVersions, request, saveVersion } from '../helpers/boardHttp.js'
import { parseMetrics, sumOf } from '../helpers/metrics.js'
import { boardBasics, geoShape, labelOf, putRecords } from '../helpers/records.js'
import type { TestRecord } from '../helpers/records.js'
import { createBoard, testContext } from '../helpers/testContext.js'
import type { TestClient, TestServer } from '../helpers/testContext.js'
import { waitFor, waitForSynced } from '../helpers/waitFor.js'

const { startServer, connectClient } = testContext()

const thumbnail = `data:image/png;base64,${Buffer.from(TINY_PNG).toString('base64')}`

/** The labels of the geo shapes a client holds, sorted: what a person sees on the board. */
function labels(client: TestClient): string[] {
  const records = [...client.doc.getMap('records').values()]
  return records
    .filter((record) => (record as { type?: string }).type === 'geo')
    .map((record) => labelOf(record)!)
    .sort()
}

async function converge(clients: TestClient[], expected: string[], message: string) {
  await waitFor(() => clients.every((c) => labels(c).join() === expected.join()), { message })
}

async function restore(server: TestServer, boardId: string, versionId: string, token: string) {
  return request(server, 'POST', `/api/boards/${boardId}/versions/${versionId}/restore`, { token })
}

describe('versions of a board', () => {
  it('a facilitator saves a version, and restoring it brings both people back to it; the backup undoes it', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst')
    const ana = connectClient(server, board.id, board.tokens.facilitator)
    const bob = connectClient(server, board.id, board.tokens.editor)
    await Promise.all([waitForSynced(ana.provider), waitForSynced(bob.provider)])
    putRecords(ana.doc, ...boardBasics(), geoShape('a', 'Buurttuin'), geoShape('b', 'Zonnepanelen'))
    await converge([ana, bob], ['Buurttuin', 'Zonnepanelen'], 'both see the first two cards')

    const saved = await saveVersion(server, board.id, board.tokens.facilitator, {
      name: '  Bijeenkomst 12 maart ',
      createdBy: 'Ana',
      thumbnail,
    })
    expect(saved).toMatchObject({
      name: 'Bijeenkomst 12 maart',
      createdBy: 'Ana',
      kind: 'named',
      reason: null,
      hasThumbnail: true,
    })
    expect(saved.bytes).toBeGreaterThan(100)
    expect(Date.now() - Date.parse(saved.createdAt)).toBeLessThan(60_000)
    // The thumbnail loads in an <img> (no token), and only under its own board.
    const png = await fetch(`${server.url}${saved.thumbnail}`)
    expect(png.status).toBe(200)
    expect(png.headers.get('content-type')).toBe('image/png')
    expect(new Uint8Array(await png.arrayBuffer())).toEqual(TINY_PNG)
    const other = await createBoard(server, 'Ander bord')
    const elsewhere = await fetch(
      `${server.url}/api/boards/${other.id}/versions/${saved.id}/thumbnail.png`,
    )
    expect(elsewhere.status).toBe(404)

    // After the meeting someone deletes a card and adds another.
    bob.doc.transact(() => {
      bob.doc.getMap('records').delete('shape:a')
      bob.doc.getMap('records').set('shape:c', geoShape('c', 'Deelauto'))
    })
    await converge([ana, bob], ['Deelauto', 'Zonnepanelen'], 'both see the change')

    // An editor reads the version as it was, to preview it.
    const detail = await request(server, 'GET', `/api/boards/${board.id}/versions/${saved.id}`, {
      token: board.tokens.editor,
    })
    expect(detail.status).toBe(200)
    const content = (await detail.json()) as VersionDetailResponse
    expect(content.version).toEqual(saved)
    expect(
      content.records
        .map((r) => labelOf(r))
        .filter(Boolean)
        .sort(),
    ).toEqual(['Buurttuin', 'Zonnepanelen'])
    expect(content.schema).toEqual(ana.doc.getMap('meta').get('schema') ?? null)

    const res = await restore(server, board.id, saved.id, board.tokens.facilitator)
    expect(res.status).toBe(200)
    const { restored, backup } = (await res.json()) as RestoreVersionResponse
    expect(restored).toEqual(saved)
    expect(backup).toMatchObject({ kind: 'auto', reason: 'before-restore', createdBy: null })
    await converge([ana, bob], ['Buurttuin', 'Zonnepanelen'], 'both see the restored board')

    const list = await listVersions(server, board.id, board.tokens.viewer)
    expect(list.map((v) => v.id)).toEqual([backup.id, saved.id])

    // The restore was a change like any other: restoring the backup undoes it.
    const undo = await restore(server, board.id, backup.id, board.tokens.facilitator)
    expect(undo.status).toBe(200)
    await converge(
      [ana, bob],
      ['Deelauto', 'Zonnepanelen'],
      'both see the board before the restore',
    )

    // Both keep editing afterwards, and it reaches the other: nobody was cut off.
    putRecords(bob.doc, geoShape('d', 'Speeltuin'))
    await converge(
      [ana, bob],
      ['Deelauto', 'Speeltuin', 'Zonnepanelen'],
      'edits after a restore sync',
    )
    expect(ana.closes).toEqual([])
    expect(bob.closes).toEqual([])
  })

  it('a restore reaches the database: the board reads back restored after a restart', async () => {
    const first = await startServer({ roomIdleMs: 20 })
    const board = await createBoard(first, 'De Horst')
    const ana = connectClient(first, board.id, board.tokens.facilitator)
    await waitForSynced(ana.provider)
    putRecords(ana.doc, ...boardBasics(), geoShape('a', 'Buurttuin'))
    await waitForStored(first, board.id)
    const saved = await saveVersion(first, board.id, board.tokens.facilitator, { name: 'Eerst' })
    ana.doc.getMap('records').delete('shape:a')
    await waitFor(() => first.server.store.loadDoc(board.id).updates.length > 1, {
      message: 'the deletion is stored',
    })
    ana.provider.destroy()
    await waitFor(() => first.server.roomCount() === 0, { message: 'the board left memory' })
    // Nobody is connected now: the restore loads the board by itself.
    expect((await restore(first, board.id, saved.id, board.tokens.facilitator)).status).toBe(200)
    await first.server.close()

    const second = await startServer({ dataDir: first.dataDir })
    const eve = connectClient(second, board.id, board.tokens.viewer)
    await waitForSynced(eve.provider)
    expect(labels(eve)).toEqual(['Buurttuin'])
  })

  it('editors and viewers may look but not save, restore or delete; others get nothing', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst')
    const saved = await saveVersion(server, board.id, board.tokens.facilitator, { name: 'Eerst' })
    const path = `/api/boards/${board.id}/versions`
    for (const token of [board.tokens.editor, board.tokens.viewer]) {
      await expectError(
        await request(server, 'POST', path, { token, json: { name: 'x' } }),
        403,
        'forbidden',
      )
      await expectError(await restore(server, board.id, saved.id, token), 403, 'forbidden')
      await expectError(
        await request(server, 'DELETE', `${path}/${saved.id}`, { token }),
        403,
        'forbidden',
      )
      expect(await listVersions(server, board.id, token)).toEqual([saved])
    }
    await expectError(await request(server, 'GET', path), 401, 'unauthorized')
    const other = await createBoard(server, 'Ander bord')
    await expectError(
      await request(server, 'GET', path, { token: other.tokens.facilitator }),
      401,
      'unauthorized',
    )
    await expectError(
      await request(server, 'GET', `${path}/${'x'.repeat(22)}`, { token: board.tokens.viewer }),
      404,
      'not_found',
    )
    // Another board's version is not found under this board.
    const theirs = await saveVersion(server, other.id, other.tokens.facilitator, { name: 'Hun' })
    await expectError(
      await restore(server, board.id, theirs.id, board.tokens.facilitator),
      404,
      'not_found',
    )
    // The facilitator deletes it.
    const gone = await request(server, 'DELETE', `${path}/${saved.id}`, {
      token: board.tokens.facilitator,
    })
    expect(gone.status).toBe(204)
    expect(await listVersions(server, board.id, board.tokens.viewer)).toEqual([])
    await expectError(
      await request(server, 'DELETE', `${path}/${saved.id}`, { token: board.tokens.facilitator }),
      404,
      'not_found',
    )
  })

  it('refuses a bad name or thumbnail with a clear message and stores nothing', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst')
    const token = board.tokens.facilitator
    const path = `/api/boards/${board.id}/versions`
    const bodies = [
      { name: '   ' },
      { name: 'x'.repeat(81) },
      { name: 42 },
      { name: 'Goed', createdBy: 'y'.repeat(81) },
      { name: 'Goed', thumbnail: 'data:image/svg+xml;base64,PHN2Zz4=' },
      // A JPEG behind a PNG data URL.
      { name: 'Goed', thumbnail: 'data:image/png;base64,/9j/4AAQSkZJRgABAQ==' },
    ]
    for (const json of bodies) {
      await expectError(await request(server, 'POST', path, { token, json }), 400, 'bad_request')
    }
    await expectError(
      await request(server, 'POST', path, { token, body: '{"name": ' }),
      400,
      'bad_request',
    )
    const huge = `data:image/png;base64,${'A'.repeat(800 * 1024)}`
    await expectError(
      await request(server, 'POST', path, { token, json: { name: 'Groot', thumbnail: huge } }),
      413,
      'payload_too_large',
    )
    expect(await listVersions(server, board.id, token)).toEqual([])
  })

  it('keeps an automatic version when the last person leaves after a change, not without one', async () => {
    const server = await startServer({ roomIdleMs: 20 })
    const board = await createBoard(server, 'De Horst')
    const visit = async (...records: TestRecord[]) => {
      const client = connectClient(server, board.id, board.tokens.editor)
      await waitForSynced(client.provider)
      if (records.length > 0) {
        putRecords(client.doc, ...records)
        await waitForStored(server, board.id)
      }
      client.provider.destroy()
      await waitFor(() => server.server.roomCount() === 0, { message: 'the board left memory' })
    }

    await visit()
    expect(await listVersions(server, board.id, board.tokens.viewer)).toEqual([])

    await visit(...boardBasics(), geoShape('a', 'Buurttuin'))
    const [auto, ...rest] = await listVersions(server, board.id, board.tokens.viewer)
    expect(rest).toEqual([])
    expect(auto).toMatchObject({ kind: 'auto', reason: 'last-left', createdBy: null })
    expect(auto!.name.length).toBeGreaterThan(5)

    // Looking without changing anything keeps no new version.
    await visit()
    expect(await listVersions(server, board.id, board.tokens.viewer)).toEqual([auto])

    // A deletion is a change too (the mistake a version is for).
    const client = connectClient(server, board.id, board.tokens.editor)
    await waitForSynced(client.provider)
    client.doc.getMap('records').delete('shape:a')
    await waitForStored(server, board.id)
    client.provider.destroy()
    await waitFor(
      async () => (await listVersions(server, board.id, board.tokens.viewer)).length === 2,
      { message: 'a second automatic version after the deletion' },
    )
  })

  it('keeps the automatic version when the server stops while the board waits to leave memory', async () => {
    const first = await startServer({ roomIdleMs: 60_000 })
    const board = await createBoard(first, 'De Horst')
    const client = connectClient(first, board.id, board.tokens.editor)
    await waitForSynced(client.provider)
    putRecords(client.doc, ...boardBasics(), geoShape('a', 'Buurttuin'))
    await waitForStored(first, board.id)
    client.provider.destroy()
    await waitFor(
      () => sumOf(parseMetrics(first.server.metricsText()), 'wijktafel_connections') === 0,
      {
        message: 'the server saw the last person leave',
      },
    )
    expect(first.server.roomCount()).toBe(1)
    await first.server.close()
    const second = await startServer({ dataDir: first.dataDir })
    const versions = await listVersions(second, board.id, board.tokens.viewer)
    expect(versions).toMatchObject([{ kind: 'auto', reason: 'last-left' }])
  })

  it('refuses to restore a version that holds no page, and changes nothing', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'Nog leeg')
    // Saved before anyone opened the board: no document, no page.
    const empty = await saveVersion(server, board.id, board.tokens.facilitator, { name: 'Leeg' })
    const client = connectClient(server, board.id, board.tokens.editor)
    await waitForSynced(client.provider)
    putRecords(client.doc, ...boardBasics(), geoShape('a', 'Buurttuin'))
    await waitForStored(server, board.id)
    await expectError(
      await restore(server, board.id, empty.id, board.tokens.facilitator),
      409,
      'incomplete_version',
    )
    expect(labels(client)).toEqual(['Buurttuin'])
    expect(await listVersions(server, board.id, board.tokens.viewer)).toEqual([empty])
  })

  it('keeps at most MAX_AUTO_VERSIONS automatic versions and never drops a named one', async () => {
    const server = await startServer({ maxAutoVersions: 3, maxNamedVersions: 2 })
    const created = await request(server, 'POST', '/api/boards', {
      json: { title: 'De Horst', template: 'empty' },
    })
    const board = (await created.json()) as CreateBoardResponse
    const token = board.tokens.facilitator
    const named = await saveVersion(server, board.id, token, { name: 'Bijeenkomst 1' })
    const backups: string[] = []
    for (let i = 0; i < 5; i++) {
      const res = await restore(server, board.id, named.id, token)
      expect(res.status).toBe(200)
      backups.push(((await res.json()) as RestoreVersionResponse).backup.id)
    }
    const list = await listVersions(server, board.id, token)
    expect(list.map((v) => v.id)).toEqual([...backups.slice(-3).reverse(), named.id])

    await saveVersion(server, board.id, token, { name: 'Bijeenkomst 2' })
    await expectError(
      await request(server, 'POST', `/api/boards/${board.id}/versions`, {
        token,
        json: { name: 'Bijeenkomst 3' },
      }),
      409,
      'too_many_versions',
    )
    expect((await listVersions(server, board.id, token)).length).toBe(5)
  })
})

/** Waits until the board's log in the database holds an update (what a client sent). */
async function waitForStored(server: TestServer, boardId: string): Promise<void> {
  await waitFor(() => server.server.store.loadDoc(boardId).updates.length > 0, {
    message: 'the change is stored',
  })
}
