import { findCard, LOCALE_INFO, translate, type Locale } from '@wijktafel/shared'
import { useEffect, useState } from 'react'
import type { Editor, TLRecord, TLShape, TLShapeId } from 'tldraw'
import { fill } from '../present/actions'

/** Quiet time after the last change before it is told (a person typing a word). */
export const QUIET_MS = 700
/** At most one sentence per this many milliseconds: a big paste is one summary. */
export const MIN_GAP_MS = 2000
/** However busy the board, a change is told within this time. */
const MAX_WAIT_MS = 3000

type Op = 'added' | 'changed' | 'removed'
interface Pending {
  op: Op
  shape: TLShape
}

/** Props that only say where a card is or how big: moving a card is not news. */
const PLACE_PROPS = new Set(['w', 'h'])

/**
 * One short sentence about OTHER people's changes to cards, for a polite live region: "Ayşe
 * voegde een belang toe: Een bankje bij de school". Changes are collected until the board is
 * quiet for a moment, and told at most once per two seconds; several cards at once become one
 * count ("Ayşe veranderde 12 kaarten."). Own changes are not told; neither are moves [1].
 */
export function useAnnouncements(editor: Editor, locale: Locale): string {
  const [message, setMessage] = useState('')
  useEffect(() => {
    const pending = new Map<TLShapeId, Pending>()
    let timer: ReturnType<typeof setTimeout> | undefined
    let firstAt = 0
    let lastTold = 0

    const flush = () => {
      timer = undefined
      firstAt = 0
      if (pending.size === 0) return
      const items = [...pending.values()]
      pending.clear()
      lastTold = Date.now()
      setMessage(sentence(editor, locale, items))
    }

    const note = (shape: TLShape, op: Op) => {
      const before = pending.get(shape.id)
      if (before?.op === 'added' && op === 'removed') pending.delete(shape.id)
      else pending.set(shape.id, { op: before?.op === 'added' ? 'added' : op, shape })
    }

    const unlisten = editor.store.listen(
      ({ changes }) => {
        for (const r of Object.values(changes.added) as TLRecord[]) {
          if (isCard(r)) note(r, 'added')
        }
        for (const [from, to] of Object.values(changes.updated) as [TLRecord, TLRecord][]) {
          if (isCard(to) && isCard(from) && contentChanged(from, to)) note(to, 'changed')
        }
        for (const r of Object.values(changes.removed) as TLRecord[]) {
          if (isCard(r)) note(r, 'removed')
        }
        if (pending.size === 0) return
        const now = Date.now()
        if (!firstAt) firstAt = now
        const wait = Math.max(
          Math.min(QUIET_MS, firstAt + MAX_WAIT_MS - now),
          lastTold + MIN_GAP_MS - now,
          0,
        )
        clearTimeout(timer)
        timer = setTimeout(flush, wait)
      },
      { source: 'remote', scope: 'document' },
    )
    return () => {
      unlisten()
      clearTimeout(timer)
    }
  }, [editor, locale])
  return message
}

function isCard(r: TLRecord): r is TLShape {
  return r.typeName === 'shape' && !!findCard(r.type)
}

function contentChanged(from: TLShape, to: TLShape): boolean {
  const a = from.props as Record<string, unknown>
  const b = to.props as Record<string, unknown>
  return Object.keys(b).some((k) => !PLACE_PROPS.has(k) && a[k] !== b[k])
}

/** The sentence for what changed, naming who did it when the board can tell [2]. */
export function sentence(editor: Editor, locale: Locale, items: readonly Pending[]): string {
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key)
  const name = authorOf(editor, items) ?? t('outline.someone')
  if (items.length > 1) return fill(t('outline.announce.many'), { name, count: items.length })
  const { op, shape } = items[0]!
  const card = findCard(shape.type)!
  // The card as it is now (typing goes on), or as it was when it went.
  const latest = op === 'removed' ? shape : (editor.getShape(shape.id) ?? shape)
  const kind = t(card.label).toLocaleLowerCase(LOCALE_INFO[locale].speech)
  const text = card.textOf(latest.props as never) || '…'
  return fill(t(`outline.announce.${op}`), { name, kind, text })
}

/**
 * Who made these changes: the other person who has one of the cards selected (the outline and
 * the canvas both select the card being edited); else the only other person on the board.
 */
function authorOf(editor: Editor, items: readonly Pending[]): string | undefined {
  const ids = new Set<string>(items.map((i) => i.shape.id))
  const others = editor.getCollaborators()
  const selecting = others.find((p) => p.selectedShapeIds.some((id) => ids.has(id)))
  const who = selecting ?? (others.length === 1 ? others[0] : undefined)
  return who?.userName || undefined
}

// [1] `source: 'remote'` is what came from the server (YjsStoreBridge merges it as remote),
//     so this person's own typing is never read back to them. Only cards: zones, arrows and
//     the meeting's state have their own ways of being told.
// [2] A Yjs update does not say who made it. Presence does say what each person has selected,
//     and a card being typed on or just added is selected by its author.
