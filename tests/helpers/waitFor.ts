import type { WebsocketProvider } from 'y-websocket'

export interface WaitOptions {
  timeoutMs?: number
  /** Says what was expected, for the failure message. */
  message: string
}

/**
 * Polls `condition` until it returns true (or a promise resolving true), and fails with
 * `message` and the last error after `timeoutMs`. Never sleeps a fixed time.
 */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  { timeoutMs = 5_000, message }: WaitOptions,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let lastError: unknown
  for (;;) {
    try {
      if (await condition()) return
      lastError = undefined
    } catch (error) {
      lastError = error
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : ''
      throw new Error(`Timed out after ${timeoutMs} ms waiting until ${message}${cause}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** Waits until the provider has exchanged sync step 2 with the server. */
export function waitForSynced(provider: WebsocketProvider, timeoutMs = 5_000): Promise<void> {
  return waitFor(() => provider.synced, {
    timeoutMs,
    message: `the provider for room ${provider.roomname} is synced`,
  })
}
