import { DEFAULT_LOCALE, isLocale, type Locale, type Role } from '@wijktafel/shared/light'
import { create } from 'zustand'
import { persist } from 'zustand/middleware'

/**
 * Session and UI state of this browser only, never board content (that lives in the
 * Y.Doc). Persisted in localStorage: the person is asked their name once, keeps a stable
 * id (so following and presence survive a reload) and their language.
 */
export interface LocalUser {
  id: string
  name: string
  color: string
}

export interface RecentBoard {
  id: string
  title: string
  role: Role
  token: string
  openedAt: number
  /**
   * Kept for this tab only (sessionStorage), never written to localStorage: a facilitator
   * link the facilitator did not ask this device to remember [1].
   */
  tabOnly?: boolean
}

interface SessionState {
  locale: Locale
  user: LocalUser
  recent: RecentBoard[]
  setLocale: (locale: Locale) => void
  setName: (name: string) => void
  /**
   * Puts a board first in the list. A facilitator link new to this device is kept for this
   * tab only until `setRemembered(id, true)`; one remembered before stays remembered.
   */
  rememberBoard: (board: Omit<RecentBoard, 'openedAt' | 'tabOnly'>) => void
  /** Whether this device keeps the board's facilitator link after the tab closes. */
  setRemembered: (id: string, remember: boolean) => void
  /** Drops every link to a board from this device's list (after the board was deleted). */
  forgetBoard: (id: string) => void
}

// Saturated colours that stay readable as cursor labels on a white canvas: white name text on
// each is at least 4.5:1 (WCAG 2.1 AA, tests/e2e/accessibility.test.ts).
const USER_COLORS = [
  '#c2410c',
  '#1971c2',
  '#1f7a32',
  '#9c36b5',
  '#a85100',
  '#0b7285',
  '#c2255c',
  '#4a7a0b',
]
const MAX_RECENT = 12
/** This tab's facilitator links that are not remembered on the device (sessionStorage). */
export const TAB_BOARDS_KEY = 'wijktafel-tab-boards'
export const SESSION_KEY = 'wijktafel-session'

/** The first of the browser's languages we have ('ar-MA' → 'ar', 'tr-TR' → 'tr'), else Dutch. */
function browserLocale(): Locale {
  if (typeof navigator === 'undefined') return DEFAULT_LOCALE
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language]
  for (const tag of preferred) {
    const lang = tag.split('-')[0]?.toLowerCase()
    if (isLocale(lang)) return lang
  }
  return DEFAULT_LOCALE
}

function newUser(): LocalUser {
  const id = crypto.getRandomValues(new Uint32Array(4)).join('-')
  const color = USER_COLORS[Math.floor(Math.random() * USER_COLORS.length)] ?? '#1971c2'
  return { id, name: '', color }
}

export const useSession = create<SessionState>()(
  persist(
    (set) => ({
      locale: browserLocale(),
      user: newUser(),
      recent: readTabBoards(),
      setLocale: (locale) => set({ locale }),
      setName: (name) => set((s) => ({ user: { ...s.user, name: name.trim().slice(0, 40) } })),
      rememberBoard: (board) =>
        set((s) => {
          const same = (b: RecentBoard) => b.id === board.id && b.role === board.role
          const before = s.recent.find(same)
          const tabOnly = board.role === 'facilitator' && (before ? !!before.tabOnly : true)
          return {
            recent: [
              { ...board, openedAt: Date.now(), ...(tabOnly ? { tabOnly } : {}) },
              ...s.recent.filter((b) => !same(b)),
            ].slice(0, MAX_RECENT),
          }
        }),
      setRemembered: (id, remember) =>
        set((s) => ({
          recent: s.recent.map((b) => {
            if (b.id !== id || b.role !== 'facilitator') return b
            const { tabOnly: _, ...rest } = b
            return remember ? rest : { ...rest, tabOnly: true }
          }),
        })),
      forgetBoard: (id) => set((s) => ({ recent: s.recent.filter((b) => b.id !== id) })),
    }),
    {
      name: SESSION_KEY,
      version: 1,
      // The tab-only links go to sessionStorage, the rest to localStorage as before.
      partialize: (s) => {
        writeTabBoards(s.recent.filter((b) => b.tabOnly))
        return { ...s, recent: s.recent.filter((b) => !b.tabOnly) }
      },
      merge: (persisted, current) => {
        const stored = (persisted ?? {}) as Partial<SessionState>
        const tab = current.recent.filter((b) => b.tabOnly)
        const kept = (stored.recent ?? []).filter(
          (b) => !tab.some((t) => t.id === b.id && t.role === b.role),
        )
        return { ...current, ...stored, recent: [...tab, ...kept] }
      },
    },
  ),
)

// Another tab changed the stored session (forgot a board, chose a language): take it over
// before this tab's next change writes its older copy back over it [2].
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === SESSION_KEY || event.key === null) void useSession.persist.rehydrate()
  })
}

function readTabBoards(): RecentBoard[] {
  try {
    const list: unknown = JSON.parse(sessionStorage.getItem(TAB_BOARDS_KEY) ?? '[]')
    return Array.isArray(list) ? (list as RecentBoard[]).filter((b) => b.tabOnly) : []
  } catch {
    return [] // no sessionStorage (tests, blocked storage)
  }
}

function writeTabBoards(boards: RecentBoard[]): void {
  try {
    if (boards.length) sessionStorage.setItem(TAB_BOARDS_KEY, JSON.stringify(boards))
    else sessionStorage.removeItem(TAB_BOARDS_KEY)
  } catch {
    // Blocked storage: the link still lives in the address bar of this tab.
  }
}

// [1] A facilitator link is the key to the board: on a shared laptop the next person would
//     find it in the recent list. So the facilitator decides (StartPage, RememberPrompt);
//     until then the link lives in the tab (the address and sessionStorage) and is gone
//     when the tab closes. Editor and viewer links are remembered as before.
// [2] Without it "Vergeet dit bord" in one tab was undone by any other open tab: its next
//     change (a language, a name) persisted its whole state, the forgotten link with it.
//     `storage` fires in the other tabs only; `key === null` is localStorage.clear().
