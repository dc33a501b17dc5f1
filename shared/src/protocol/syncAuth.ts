import { isToken } from './tokens.js'

/** The WebSocket subprotocol our client offers for `/sync` and the server chooses. */
export const SYNC_PROTOCOL = 'wijktafel'

/** The subprotocol that carries the link's token: `wijktafel.token.<token>` [1]. */
export const TOKEN_PROTOCOL_PREFIX = 'wijktafel.token.'

/**
 * What our client offers in `Sec-WebSocket-Protocol`: the fixed protocol and the token. A
 * string that is not a token is left out: the header takes only token characters (a browser
 * throws on others), and the server would refuse it anyway (401).
 */
export function syncProtocols(token: string): string[] {
  return isToken(token) ? [SYNC_PROTOCOL, TOKEN_PROTOCOL_PREFIX + token] : [SYNC_PROTOCOL]
}

/** The token among the offered subprotocols, or null when none carries one. */
export function tokenFromProtocols(offered: Iterable<string>): string | null {
  for (const protocol of offered) {
    if (protocol.startsWith(TOKEN_PROTOCOL_PREFIX)) {
      return protocol.slice(TOKEN_PROTOCOL_PREFIX.length)
    }
  }
  return null
}

// [1] A URL ends up in places a header does not: the browser's console on a failed
//     connection, proxy and server access logs, crash reports. Browsers let a page set no
//     other header on a WebSocket, so the subprotocol list is where the token travels.
//     base64url characters are all valid there (RFC 6455 4.1: token characters of RFC 2616).
