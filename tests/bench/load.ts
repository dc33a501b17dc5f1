/**
 * Shared by scenarios 1 and 2: a room of clients that edit their own shape and move their
 * cursor at fixed rates, with latencies collected after a warm-up.
 */
import { performance } from 'node:perf_hooks'
import { waitFor } from '../helpers/waitFor.js'
import { connectClient, type BenchClient } from './clients.js'
import { geoShape } from './records.js'
import type { BenchServer, Board } from './servers.js'

export interface LoadOptions {
  clients: number
  editHz: number
  /** 0: no cursor moves. */
  cursorHz: number
}

export interface LoadedRoom {
  clients: BenchClient[]
  /** Starts the edit and cursor timers; latencies go to `sink` while `recording` is true. */
  start(): void
  stop(): void
  close(): void
}

/** Connects the clients and gives each its own shape; resolves when all hold all shapes. */
export async function openRoom(
  server: BenchServer,
  board: Board,
  firstClientNo: number,
  options: LoadOptions,
  sink: { recording: boolean; latencies: number[] },
): Promise<LoadedRoom> {
  const onStamp = (latency: number) => {
    if (sink.recording) sink.latencies.push(latency)
  }
  const clients: BenchClient[] = []
  for (let i = 0; i < options.clients; i++)
    clients.push(connectClient(server, board, firstClientNo + i, onStamp))
  const timers: NodeJS.Timeout[] = []
  const room: LoadedRoom = {
    clients,
    start() {
      clients.forEach((client, i) => {
        const no = firstClientNo + i
        let seq = 0
        const every = (hz: number, fn: () => void) => {
          if (hz <= 0) return
          // A random phase, so a room's clients do not all fire in the same tick.
          const phase = setTimeout(
            () => timers.push(setInterval(fn, 1000 / hz)),
            Math.random() * (1000 / hz),
          )
          timers.push(phase)
        }
        every(options.editHz, () =>
          client.put(
            geoShape(no, Math.round(Math.random() * 2000), Math.round(Math.random() * 2000), {
              sentAt: performance.now(),
              seq: ++seq,
            }),
          ),
        )
        every(options.cursorHz, () => client.cursor(Math.random() * 1500, Math.random() * 900))
      })
    },
    stop() {
      for (const timer of timers) clearTimeout(timer)
      timers.length = 0
    },
    close() {
      room.stop()
      for (const client of clients) client.close()
    },
  }
  try {
    await Promise.all(
      clients.map((c) =>
        Promise.race([
          c.ready,
          new Promise((_, reject) =>
            setTimeout(() => reject(new Error('client did not sync in 60 s')), 60_000).unref(),
          ),
        ]),
      ),
    )
    clients[0]?.putMany(clients.map((_, i) => geoShape(firstClientNo + i, i * 10, 0)))
    await waitFor(() => clients.every((c) => c.recordCount() >= options.clients), {
      timeoutMs: 60_000,
      message: `all ${options.clients} clients of room ${board.roomId} hold every shape`,
    })
  } catch (error) {
    room.close()
    throw error
  }
  return room
}
