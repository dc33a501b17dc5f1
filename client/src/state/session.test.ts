import { afterEach, describe, expect, it, vi } from 'vitest'

/** A Storage held in memory, shared by the "tabs" below as one browser's localStorage is. */
class MemoryStorage {
  private items = new Map<string, string>()
  get length() {
    return this.items.size
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null
  }
  getItem(key: string) {
    return this.items.get(key) ?? null
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value))
  }
  removeItem(key: string) {
    this.items.delete(key)
  }
  clear() {
    this.items.clear()
  }
}

/**
 * One browser tab: its own copy of the module (its own store) and its own window, over the
 * shared localStorage. A write fires `storage` in every OTHER tab, as browsers do.
 */
async function openTab(local: MemoryStorage, tabs: EventTarget[]) {
  // zustand's persist reads `window.localStorage`.
  const window = Object.assign(new EventTarget(), { localStorage: local })
  tabs.push(window)
  vi.stubGlobal('window', window)
  vi.stubGlobal('localStorage', local)
  vi.stubGlobal('sessionStorage', new MemoryStorage())
  vi.resetModules()
  const { useSession, SESSION_KEY } = await import('./session')
  return { useSession, SESSION_KEY, window }
}

/** Makes every write fire `storage` in the other tabs; the returned function says who writes. */
function wireStorageEvents(local: MemoryStorage, tabs: EventTarget[]) {
  const setItem = local.setItem.bind(local)
  let writer: EventTarget | null = null
  local.setItem = (k: string, v: string) => {
    setItem(k, v)
    for (const tab of tabs) {
      if (tab === writer) continue
      tab.dispatchEvent(Object.assign(new Event('storage'), { key: k }))
    }
  }
  return (tab: EventTarget) => {
    writer = tab
  }
}

afterEach(() => void vi.unstubAllGlobals())

describe('the session in several tabs', () => {
  it('keeps a board forgotten in one tab forgotten when another tab changes something', async () => {
    const local = new MemoryStorage()
    const tabs: EventTarget[] = []
    const a = await openTab(local, tabs)
    const board = {
      id: 'B'.repeat(22),
      title: 'Buurt',
      role: 'editor' as const,
      token: 'e'.repeat(43),
    }
    a.useSession.getState().rememberBoard(board)
    const b = await openTab(local, tabs)
    const writes = wireStorageEvents(local, tabs)
    expect(b.useSession.getState().recent.map((r) => r.id)).toEqual([board.id])

    writes(a.window)
    a.useSession.getState().forgetBoard(board.id)
    expect(local.getItem(a.SESSION_KEY)).not.toContain(board.id)

    writes(b.window)
    b.useSession.getState().setLocale('en')
    await vi.waitFor(() => expect(local.getItem(a.SESSION_KEY)).toContain('"locale":"en"'))
    expect(local.getItem(a.SESSION_KEY)).not.toContain(board.id)
    expect(local.getItem(a.SESSION_KEY)).not.toContain(board.token)
    expect(b.useSession.getState().recent).toEqual([])
  })
})
