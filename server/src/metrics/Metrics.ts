import type { Role } from '@wijktafel/shared'

/** Why an upgrade was refused before a WebSocket existed. */
export type RefusedConnectionReason =
  | 'bad_path'
  | 'not_found'
  | 'unauthorized'
  | 'origin'
  | 'too_many_per_ip'
  | 'board_full'
  | 'shutting_down'
  | 'storage'
  | 'connection_rate'
  | 'memory_full'

/** Why an HTTP request was refused by a limit of the server as a whole (not by its input). */
export type RefusedRequestReason = 'too_many_boards' | 'memory_full'

/**
 * Why a message was refused. The connection is closed, except for `read_only` (a viewer's
 * write, dropped), `corrected_record` (an update taken with its refused records or meta
 * keys put back; counted once per update), `awareness_not_owned` (presence entries for
 * another connection's client ids dropped, the rest applied; once per message) and
 * `awareness_too_many_ids` (entries for new client ids past the connection's cap,
 * AwarenessRelay.MAX_CLIENT_IDS_PER_CONNECTION, dropped the same way; once per message).
 */
export type RefusedMessageReason =
  | 'text_frame'
  | 'malformed'
  | 'too_big'
  | 'ws_protocol'
  | 'update_failed'
  | 'invalid_structure'
  | 'corrected_record'
  | 'board_too_large'
  | 'awareness_too_large'
  | 'rate_doc'
  | 'rate_awareness'
  | 'read_only'
  | 'awareness_not_owned'
  | 'awareness_too_many_ids'

export type MessageKind =
  'sync_step1' | 'sync_step2' | 'sync_update' | 'awareness' | 'query_awareness'

/** What the rooms report; the Metrics class below is the one implementation. */
export interface RoomMetrics {
  received(kind: MessageKind | 'undecodable', bytes: number): void
  sent(bytes: number): void
  refusedMessage(reason: RefusedMessageReason): void
  /** One append to the store took `seconds`. */
  persisted(seconds: number): void
  compacted(ok: boolean): void
  /** A write to the store failed (the room is closed) or succeeded again. */
  storageWrite(ok: boolean): void
}

/** What is read at scrape time instead of being counted. */
export interface MetricsSources {
  rooms(): number
  /** Stored bytes of the boards in memory (RoomManager.docBytes). */
  docBytes(): number
  connections(): Record<Role, number>
}

// Append latency with synchronous=FULL is one fsync: tens of microseconds on a fast SSD,
// milliseconds on a VM's disk, seconds when the disk is in trouble.
const PERSIST_BUCKETS = [
  0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5,
]

/**
 * Counters for `GET /metrics`, in Prometheus' text format [1]. One instance per server, so
 * several servers in one process (tests) do not share numbers.
 */
export class Metrics implements RoomMetrics {
  private readonly messages = new Map<string, number>()
  private bytesReceived = 0
  private bytesSent = 0
  private readonly refusedConnections = new Map<string, number>()
  private readonly refusedMessages = new Map<string, number>()
  private readonly refusedRequests = new Map<string, number>()
  private readonly evictions = new Map<string, number>()
  private readonly persistCounts = PERSIST_BUCKETS.map(() => 0)
  private persistCount = 0
  private persistSum = 0
  private compactions = 0
  private compactionFailures = 0
  private storageFailures = 0
  /** Set by a failed write, cleared by the next successful one: /healthz reports it. */
  storageFailing = false

  constructor(private readonly sources: MetricsSources) {}

  received(kind: MessageKind | 'undecodable', bytes: number): void {
    increment(this.messages, kind)
    this.bytesReceived += bytes
  }

  sent(bytes: number): void {
    this.bytesSent += bytes
  }

  refusedConnection(reason: RefusedConnectionReason): void {
    increment(this.refusedConnections, reason)
  }

  refusedMessage(reason: RefusedMessageReason): void {
    increment(this.refusedMessages, reason)
  }

  refusedRequest(reason: RefusedRequestReason): void {
    increment(this.refusedRequests, reason)
  }

  /** A room left memory: `idle` after roomIdleMs, `memory` early to make room for another. */
  roomEvicted(reason: 'idle' | 'memory'): void {
    increment(this.evictions, reason)
  }

  persisted(seconds: number): void {
    this.persistCount++
    this.persistSum += seconds
    PERSIST_BUCKETS.forEach((bound, i) => {
      if (seconds <= bound) this.persistCounts[i]!++
    })
  }

  compacted(ok: boolean): void {
    if (ok) this.compactions++
    else this.compactionFailures++
  }

  storageWrite(ok: boolean): void {
    if (!ok) this.storageFailures++
    this.storageFailing = !ok
  }

  /** The exposition: `# HELP`, `# TYPE`, then the samples of each metric. */
  render(): string {
    const lines: string[] = []
    const metric = (name: string, type: string, help: string, samples: [string, number][]) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`)
      for (const [labels, value] of samples) lines.push(`${name}${labels} ${value}`)
    }
    const labelled = (label: string, counts: Map<string, number>): [string, number][] =>
      [...counts]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([value, count]) => [`{${label}="${value}"}`, count])

    metric('wijktafel_rooms', 'gauge', 'Boards held in memory.', [['', this.sources.rooms()]])
    metric(
      'wijktafel_doc_bytes_in_memory',
      'gauge',
      'Stored bytes (state plus log) of the boards held in memory.',
      [['', this.sources.docBytes()]],
    )
    metric(
      'wijktafel_room_evictions_total',
      'counter',
      'Boards that left memory, by reason (idle: roomIdleMs after the last left; memory: early, for another board).',
      labelled('reason', this.evictions),
    )
    metric(
      'wijktafel_connections',
      'gauge',
      'Open WebSocket connections by role.',
      Object.entries(this.sources.connections()).map(([role, n]) => [`{role="${role}"}`, n]),
    )
    metric(
      'wijktafel_messages_total',
      'counter',
      'WebSocket messages received, by type (undecodable: text frames and malformed ones).',
      labelled('type', this.messages),
    )
    metric('wijktafel_bytes_received_total', 'counter', 'Bytes of WebSocket messages received.', [
      ['', this.bytesReceived],
    ])
    metric('wijktafel_bytes_sent_total', 'counter', 'Bytes of WebSocket messages sent.', [
      ['', this.bytesSent],
    ])
    metric(
      'wijktafel_refused_connections_total',
      'counter',
      'WebSocket upgrades refused, by reason.',
      labelled('reason', this.refusedConnections),
    )
    metric(
      'wijktafel_refused_messages_total',
      'counter',
      'Messages refused (the connection is closed, except read_only, corrected_record, awareness_not_owned and awareness_too_many_ids), by reason.',
      labelled('reason', this.refusedMessages),
    )
    metric(
      'wijktafel_refused_requests_total',
      'counter',
      'HTTP requests refused by a limit of the server (too_many_boards: 429, memory_full: 503), by reason.',
      labelled('reason', this.refusedRequests),
    )
    lines.push(
      '# HELP wijktafel_persist_seconds Time to append one update to the database.',
      '# TYPE wijktafel_persist_seconds histogram',
    )
    PERSIST_BUCKETS.forEach((bound, i) =>
      lines.push(`wijktafel_persist_seconds_bucket{le="${bound}"} ${this.persistCounts[i]}`),
    )
    lines.push(
      `wijktafel_persist_seconds_bucket{le="+Inf"} ${this.persistCount}`,
      `wijktafel_persist_seconds_sum ${this.persistSum}`,
      `wijktafel_persist_seconds_count ${this.persistCount}`,
    )
    metric('wijktafel_compactions_total', 'counter', 'Board logs compacted into one state.', [
      ['', this.compactions],
    ])
    metric('wijktafel_compaction_failures_total', 'counter', 'Compactions that failed.', [
      ['', this.compactionFailures],
    ])
    metric(
      'wijktafel_storage_failures_total',
      'counter',
      'Updates the database refused (each closes its board with 4503).',
      [['', this.storageFailures]],
    )
    metric('wijktafel_storage_failing', 'gauge', '1 while the last database write failed.', [
      ['', this.storageFailing ? 1 : 0],
    ])
    return lines.join('\n') + '\n'
  }
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1)
}

// [1] https://prometheus.io/docs/instrumenting/exposition_formats/ . Written by hand:
//     a dozen metrics do not need prom-client, whose default registry is module-global
//     state (STYLE.md: everything hangs off createServer), and label values here are a
//     fixed set of our own words, so nothing needs escaping.
