import { describe, expect, it } from 'vitest'
import { addressKey } from './addressKey.js'

describe('addressKey', () => {
  it('keys an IPv6 address by its /64, so one subscriber is one key', () => {
    expect(addressKey('2001:db8::1')).toBe(addressKey('2001:db8::2'))
    expect(addressKey('2001:db8::1')).toBe(addressKey('2001:0db8:0000:0000:ffff:1:2:3'))
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(addressKey('2001:db9::1')).not.toBe(addressKey('2001:db8::1'))
    expect(addressKey('2001:db8:0:1::1')).not.toBe(addressKey('2001:db8::1'))
    expect(addressKey('fe80::1%eth0')).toBe(addressKey('fe80::2'))
  })

  it('keys an IPv4-mapped address as the IPv4 address, and leaves IPv4 and the rest alone', () => {
    expect(addressKey('::ffff:10.0.0.1')).toBe('10.0.0.1')
    expect(addressKey('::FFFF:10.0.0.1')).toBe('10.0.0.1')
    expect(addressKey('::ffff:a00:1')).toBe('10.0.0.1')
    expect(addressKey('10.0.0.1')).toBe('10.0.0.1')
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7')
    expect(addressKey('::1')).toBe('0:0:0:0::/64')
    expect(addressKey('unknown')).toBe('unknown')
  })
})
