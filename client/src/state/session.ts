import { DEFAULT_LOCALE, isLocale, type Locale, type Role } from '@wijktafel/shared'
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
}

interface SessionState {
  locale: Locale
  user: LocalUser
  recent: RecentBoard[]
  setLocale: (locale: Locale) => void
  setName: (name: string) => void
  rememberBoard: (board: Omit<RecentBoard, 'openedAt'>) => void
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
      recent: [],
      setLocale: (locale) => set({ locale }),
      setName: (name) => set((s) => ({ user: { ...s.user, name: name.trim().slice(0, 40) } })),
      rememberBoard: (board) =>
        set((s) => ({
          recent: [
            { ...board, openedAt: Date.now() },
            ...s.recent.filter((b) => !(b.id === board.id && b.role === board.role)),
          ].slice(0, MAX_RECENT),
        })),
      forgetBoard: (id) => set((s) => ({ recent: s.recent.filter((b) => b.id !== id) })),
    }),
    { name: 'wijktafel-session', version: 1 },
  ),
)
