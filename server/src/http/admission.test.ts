import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { normalizeOrigin } from '../config.js'
import { Admission, originAllowed } from './admission.js'

function request(headers: Record<string, string>, remoteAddress = '10.0.0.9'): IncomingMessage {
  return { headers, socket: { remoteAddress } } as unknown as IncomingMessage
}

describe('originAllowed', () => {
  it.each([
    [{ host: 'wijktafel.nl' }, true], // no Origin: not a browser
    [{ host: 'wijktafel.nl', origin: 'https://wijktafel.nl' }, true],
    [{ host: 'wijktafel.nl', origin: 'http://wijktafel.nl' }, true],
    [{ host: 'wijktafel.nl:443', origin: 'https://wijktafel.nl' }, true],
    [{ host: 'localhost:5173', origin: 'http://localhost:5173' }, true],
    [{ host: 'wijktafel.nl', origin: 'https://wijktafel.nl.evil.org' }, false],
    [{ host: 'wijktafel.nl', origin: 'https://evil.org' }, false],
    [{ host: 'wijktafel.nl', origin: 'https://wijktafel.nl:8443' }, false],
    [{ host: 'wijktafel.nl', origin: 'null' }, false],
    [{ host: 'wijktafel.nl', origin: 'file:///index.html' }, false],
    [{ host: 'wijktafel.nl', origin: 'https://gemeente.example' }, true], // listed
    [{ origin: 'https://wijktafel.nl' }, false], // no Host to compare with
  ])('%o: %s', (headers, allowed) => {
    expect(originAllowed(request(headers), ['https://gemeente.example'])).toBe(allowed)
  })
})

describe('normalizeOrigin', () => {
  it('accepts origins and refuses URLs with more than an origin', () => {
    expect(normalizeOrigin('https://Gemeente.Example:443')).toBe('https://gemeente.example')
    expect(normalizeOrigin('http://localhost:5173/')).toBe('http://localhost:5173')
    expect(normalizeOrigin('https://gemeente.example/path')).toBeNull()
    expect(normalizeOrigin('ftp://gemeente.example')).toBeNull()
    expect(normalizeOrigin('gemeente.example')).toBeNull()
  })
})

const RATES = {
  newConnectionsPerIpPerMinute: 120,
  newConnectionBurstPerIp: 60,
  boardsPerIpPerHour: 60,
  boardBurstPerIp: 20,
}
const NO_METRICS = { refusedRequest: () => {} }

describe('Admission', () => {
  it('counts per address and per board, and gives a slot back only once', () => {
    const admission = new Admission(
      {
        maxConnectionsPerBoard: 2,
        maxConnectionsPerIp: 2,
        trustProxy: false,
        ...RATES,
      },
      NO_METRICS,
    )
    const release = admission.reserve('b1', '10.0.0.1')
    admission.reserve('b1', '10.0.0.2')
    expect(admission.check('b1', '10.0.0.3')).toEqual({ status: 503, reason: 'board_full' })
    admission.reserve('b2', '10.0.0.1')
    expect(admission.check('b3', '10.0.0.1')).toEqual({ status: 429, reason: 'too_many_per_ip' })
    release()
    release()
    expect(admission.check('b1', '10.0.0.3')).toBeNull()
    expect(admission.check('b3', '10.0.0.1')).toBeNull()
    admission.reserve('b1', '10.0.0.3')
    expect(admission.check('b1', '10.0.0.4')?.status).toBe(503)
  })

  it('takes the address from X-Forwarded-For only behind a trusted proxy', () => {
    const req = request({ 'x-forwarded-for': '1.2.3.4, 203.0.113.7' }, '127.0.0.1')
    const direct = new Admission(
      {
        maxConnectionsPerBoard: 1,
        maxConnectionsPerIp: 1,
        trustProxy: false,
        ...RATES,
      },
      NO_METRICS,
    )
    const proxied = new Admission(
      {
        maxConnectionsPerBoard: 1,
        maxConnectionsPerIp: 1,
        trustProxy: true,
        ...RATES,
      },
      NO_METRICS,
    )
    expect(direct.clientAddress(req)).toBe('127.0.0.1')
    expect(proxied.clientAddress(req)).toBe('203.0.113.7')
    expect(proxied.clientAddress(request({}, '127.0.0.1'))).toBe('127.0.0.1')
  })

  it('holds new connections and new boards per address, each in its own bucket', () => {
    const refused: string[] = []
    const admission = new Admission(
      {
        maxConnectionsPerBoard: 1,
        maxConnectionsPerIp: 1,
        trustProxy: false,
        newConnectionsPerIpPerMinute: 60,
        newConnectionBurstPerIp: 2,
        boardsPerIpPerHour: 60,
        boardBurstPerIp: 1,
      },
      { refusedRequest: (reason) => refused.push(reason) },
      0,
    )
    expect(admission.newConnection('10.0.0.1', 0).ok).toBe(true)
    expect(admission.newConnection('10.0.0.1', 0).ok).toBe(true)
    expect(admission.newConnection('10.0.0.1', 0)).toEqual({ ok: false, retryAfterSeconds: 1 })
    expect(admission.newBoard('10.0.0.1', 0).ok).toBe(true) // not the connections' bucket
    expect(admission.newBoard('10.0.0.1', 0)).toEqual({ ok: false, retryAfterSeconds: 60 })
    expect(admission.newBoard('10.0.0.2', 0).ok).toBe(true)
    expect(admission.newConnection('10.0.0.1', 1000).ok).toBe(true)
    expect(refused).toEqual(['too_many_boards'])
  })

  it('counts an IPv6 client by its /64 and a mapped IPv4 client as IPv4: a new address in the same /64 is no new client', () => {
    const admission = new Admission(
      { maxConnectionsPerBoard: 10, maxConnectionsPerIp: 1, trustProxy: false, ...RATES },
      NO_METRICS,
      0,
    )
    const one = admission.clientAddress(request({}, '2001:db8::1'))
    const two = admission.clientAddress(request({}, '2001:db8::2'))
    const elsewhere = admission.clientAddress(request({}, '2001:db9::1'))
    admission.reserve('board', one)
    expect(admission.check('board', two)).toEqual({ status: 429, reason: 'too_many_per_ip' })
    expect(admission.check('board', elsewhere)).toBeNull()
    const v4 = admission.clientAddress(request({}, '10.0.0.1'))
    admission.reserve('board', v4)
    expect(
      admission.check('board', admission.clientAddress(request({}, '::ffff:10.0.0.1'))),
    ).toEqual({ status: 429, reason: 'too_many_per_ip' })
    // The rates too: the burst of new connections is the /64's, not each address's.
    for (let i = 0; i < RATES.newConnectionBurstPerIp; i++) {
      expect(
        admission.newConnection(admission.clientAddress(request({}, `2001:db8::${i + 10}`)), 0).ok,
      ).toBe(true)
    }
    expect(admission.newConnection(two, 0).ok).toBe(false)
  })
})
