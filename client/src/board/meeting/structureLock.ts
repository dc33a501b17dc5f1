import { canChangeStructure, isStructureShape, ZONE_SHAPE } from '@wijktafel/shared'
import type { Editor, TLPageId, TLShape, TLShapeId } from 'tldraw'
import { useMeetingStore } from './meetingStore'

/** Structure this person created in the current task (a template, a zone just placed) [2]. */
const fresh = new Set<string>()

/**
 * May this person move, resize, retitle or delete the map's structure right now: the
 * facilitator with "Indeling aanpassen" on; anyone outside a meeting (no board bound: unit
 * tests, a shape rendered on its own). Read by the zone's edit controls too.
 */
export function mayChangeStructure(shapeId?: string): boolean {
  const { me, structureUnlocked } = useMeetingStore.getState()
  if (!me || (shapeId !== undefined && fresh.has(shapeId))) return true
  return canChangeStructure(me.role) && structureUnlocked
}

/**
 * Keeps this person's own hands off the structure (isStructureShape: zones, the legend,
 * frames, locked shapes) unless `mayChangeStructure()`: a change to it is turned back into
 * the record before, a delete is dropped, before anything reaches the doc, so an editor never
 * sends what the server would refuse [1]. Cards stay free: moving a card into or out of a
 * zone changes the card, not the zone. `onRefused` is told (for one short notice).
 */
export function registerStructureLock(editor: Editor, onRefused: () => void): () => void {
  const blocked = new Set<string>()
  let clearing = false
  const later = () => {
    if (clearing) return
    clearing = true
    queueMicrotask(() => {
      fresh.clear()
      blocked.clear()
      clearing = false
    })
  }
  // A whole page goes with its structure, or not at all [4].
  let deletingPage = 0
  const deletePage = editor.deletePage
  editor.deletePage = function (page: Parameters<Editor['deletePage']>[0]) {
    const id = typeof page === 'string' ? page : page.id
    const me = useMeetingStore.getState().me
    if (me && !canChangeStructure(me.role) && holdsStructure(editor, id)) {
      onRefused()
      return editor
    }
    deletingPage++
    try {
      return deletePage.call(editor, page)
    } finally {
      deletingPage--
    }
  }
  const offCreate = editor.sideEffects.registerAfterCreateHandler('shape', (shape, source) => {
    // A map made from a template creates its zones and may adjust them in the same go [2].
    if (source !== 'user' || !isStructureShape(shape)) return
    fresh.add(shape.id)
    later()
  })
  const offChange = editor.sideEffects.registerBeforeChangeHandler(
    'shape',
    (prev, next, source) => {
      if (source !== 'user' || mayChangeStructure() || fresh.has(prev.id)) return next
      if (!isStructureShape(prev) && !isStructureShape(next)) return next
      if (forgetsPartner(prev, next)) return next
      onRefused()
      return prev
    },
  )
  const offDelete = editor.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) => {
    if (source !== 'user' || deletingPage > 0 || mayChangeStructure() || fresh.has(shape.id)) {
      return
    }
    // A zone's cards are deleted with it: they stay when the zone stays [3].
    if (!isStructureShape(shape) && !insideBlocked(editor, shape, blocked)) return
    blocked.add(shape.id)
    later()
    if (isStructureShape(shape)) onRefused()
    return false
  })
  return () => {
    editor.deletePage = deletePage
    offCreate()
    offChange()
    offDelete()
  }
}

/** A lane that forgets its deleted partner (forgetDeletedParticipants): allowed, as on the server. */
function forgetsPartner(prev: TLShape, next: TLShape): boolean {
  if (prev.type !== ZONE_SHAPE || next.type !== ZONE_SHAPE) return false
  const before = prev.props as unknown as Record<string, unknown>
  const after = next.props as unknown as Record<string, unknown>
  if (after.participantId !== null || before.participantId === null) return false
  const { participantId: _a, ...restBefore } = before
  const { participantId: _b, ...restAfter } = after
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
  return same(restBefore, restAfter) && same({ ...prev, props: null }, { ...next, props: null })
}

function holdsStructure(editor: Editor, pageId: TLPageId): boolean {
  const ids = editor.getPageShapeIds(pageId)
  for (const id of ids) if (isStructureShape(editor.getShape(id))) return true
  return false
}

function insideBlocked(editor: Editor, shape: TLShape, blocked: ReadonlySet<string>): boolean {
  let parent = shape.parentId as string
  for (let depth = 0; depth < 20 && parent.startsWith('shape:'); depth++) {
    if (blocked.has(parent)) return true
    const up = editor.store.get(parent as TLShapeId)
    if (!up) return false
    parent = up.parentId
  }
  return false
}

// [1] The server's structure lock (server/src/rules/structureLockRule.ts) refuses the same and
//     puts it back; stopping it here means the zone never jumps back under a person's finger.
//     A drag of a zone does nothing at all, like a locked shape in tldraw.
// [2] Structure that this person created in the same task (a template) is theirs to finish:
//     the server sees the addition and the change as one added record.
// [3] tldraw deletes a shape's descendants after it in one `store.remove`; a refused zone
//     would otherwise lose its cards.
// [4] tldraw's deletePage deletes the page's shapes first and the page after: refusing only
//     the zones would leave a page without its cards, or zones without a page. So the page
//     is refused before anything goes (an editor, as the server does), and a facilitator
//     deletes a whole page on purpose, "Indeling aanpassen" or not. Wrapped on this editor
//     only, and put back when the lock is unregistered.
