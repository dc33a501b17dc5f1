/**
 * Every test client connects from 127.0.0.1, and a test makes boards and opens sockets far
 * faster than a meeting does, so the per-address rates (new connections, new boards) are
 * lifted in the test servers unless a test sets them itself. The defaults are proved in
 * tests/integration/request-limits.test.ts, which runs without these.
 */
export const LOOPBACK_RATES = {
  newConnectionsPerIpPerMinute: 1_000_000,
  newConnectionBurstPerIp: 1_000_000,
  boardsPerIpPerHour: 1_000_000,
  boardBurstPerIp: 1_000_000,
} as const

/** The same for a server started as a process (main.ts reads these variables). */
export const LOOPBACK_RATES_ENV: Record<string, string> = {
  NEW_CONNECTIONS_PER_IP_PER_MINUTE: String(LOOPBACK_RATES.newConnectionsPerIpPerMinute),
  NEW_CONNECTION_BURST_PER_IP: String(LOOPBACK_RATES.newConnectionBurstPerIp),
  BOARDS_PER_IP_PER_HOUR: String(LOOPBACK_RATES.boardsPerIpPerHour),
  BOARD_BURST_PER_IP: String(LOOPBACK_RATES.boardBurstPerIp),
}
