import { afterEach, describe, expect, it, vi } from 'vitest'

// The board's real code (tldraw, Yjs) is not what this test is about: a stand-in module.
vi.mock('../board/BoardPage', () => ({ BoardPage: () => null }))

afterEach(() => void vi.unstubAllGlobals())

describe('loadBoard', () => {
  it('opens the board when the browser blocks storage (reading sessionStorage throws)', async () => {
    // Chrome with "block all cookies": the getter itself throws a SecurityError.
    Object.defineProperty(globalThis, 'sessionStorage', {
      configurable: true,
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError')
      },
    })
    try {
      const { loadBoard } = await import('./lazyBoard')
      const module = await loadBoard()
      expect(typeof module.BoardPage).toBe('function')
    } finally {
      delete (globalThis as { sessionStorage?: unknown }).sessionStorage
    }
  })
})
