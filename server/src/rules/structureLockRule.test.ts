import { describe, expect, it } from 'vitest'
import { initialBoardRecords } from '@wijktafel/shared'
import type { Role } from '@wijktafel/shared'
import { boardBasics, geoShape, interestCard, pageRecord } from '../../../tests/helpers/records.js'
import type { MapUpdate } from '../../../tests/helpers/ruleContext.js'
import { byId, ruleContext } from '../../../tests/helpers/ruleContext.js'
import { structureLockRule } from './structureLockRule.js'

type Rec = { id: string; typeName: string; [key: string]: unknown } & {
  props?: Record<string, unknown>
}

/** The De Horst example: two pages, zones, lanes naming participants, a legend, exchanges. */
const example = initialBoardRecords({ template: 'example', locale: 'nl', title: 'De Horst' })
const records = example as unknown as Rec[]
const board = byId(...records)
const find = (test: (record: Rec) => boolean): Rec => records.find(test)!
const legend = find((r) => r.type === 'wt-legend')
const lane = find((r) => r.type === 'wt-zone' && typeof r.props!.participantId === 'string')
const partner = board[lane.props!.participantId as string] as Rec
/** A card in a section zone (the decisions section), and that zone. */
const sectionCard = find((r) => {
  const parent = board[r.parentId as string] as Rec | undefined
  return r.typeName === 'shape' && parent?.type === 'wt-zone' && parent.props!.kind === 'section'
})
const zone = board[sectionCard.parentId as string] as Rec
const interestPage = partner.parentId as string
const mapPage = zone.parentId as string

const judge = (update: MapUpdate, role: Role = 'editor') =>
  structureLockRule.checkAll!(ruleContext({ role, records: { before: board, ...update } }))
const keys = (update: MapUpdate, role?: Role) => judge(update, role).map((r) => r.key)
const locked = (key: string) => `the structure is locked: only the facilitator may change ${key}`

/** Every record on a page, as tldraw deletes them with it: shapes down the tree, bindings. */
function onPage(pageId: string): string[] {
  const shapes = new Set<string>()
  let grew = true
  while (grew) {
    grew = false
    for (const r of records) {
      if (r.typeName !== 'shape' || shapes.has(r.id)) continue
      if (r.parentId === pageId || shapes.has(r.parentId as string)) grew = !!shapes.add(r.id)
    }
  }
  const bindings = records.filter(
    (r) =>
      r.typeName === 'binding' && (shapes.has(r.fromId as string) || shapes.has(r.toId as string)),
  )
  return [...shapes, ...bindings.map((b) => b.id)]
}

describe('structureLockRule', () => {
  it('puts back an editor’s move, retitle or delete of a zone, naming it', () => {
    expect([zone.type, zone.props!.kind]).toEqual(['wt-zone', 'section'])
    const moved = { ...zone, x: (zone.x as number) + 200 }
    expect(judge({ writes: { [zone.id]: moved } })).toEqual([
      { key: zone.id, reason: locked(zone.id) },
    ])
    const retitled = { ...zone, props: { ...zone.props, title: 'Iets anders' } }
    expect(keys({ writes: { [zone.id]: retitled } })).toEqual([zone.id])
    expect(keys({ deletes: [zone.id] })).toEqual([zone.id])
  })

  it('puts back an editor’s change of the legend, a frame or a locked shape', () => {
    const frame = { ...geoShape('frame'), type: 'frame', props: { w: 100, h: 100, name: '' } }
    const lockedRect = { ...geoShape('vast'), isLocked: true }
    const before = { ...board, [frame.id]: frame, [lockedRect.id]: lockedRect }
    const context = (update: Omit<MapUpdate, 'before'>) =>
      structureLockRule.checkAll!(ruleContext({ records: { before, ...update } }))
    expect(
      context({
        writes: {
          [legend.id]: { ...legend, x: 5 },
          [frame.id]: { ...frame, y: 5 },
          [lockedRect.id]: { ...lockedRect, x: 5 },
        },
      }).map((r) => r.key),
    ).toEqual([legend.id, frame.id, lockedRect.id])
    expect(context({ deletes: [frame.id, lockedRect.id] }).map((r) => r.key)).toEqual([
      frame.id,
      lockedRect.id,
    ])
  })

  it('puts back an editor locking or unlocking a shape, or turning one into structure', () => {
    const rect = geoShape('rect')
    const lockedRect = { ...geoShape('vast'), isLocked: true }
    const before = { ...board, [rect.id]: rect, [lockedRect.id]: lockedRect }
    const refused = structureLockRule.checkAll!(
      ruleContext({
        records: {
          before,
          writes: {
            [rect.id]: { ...rect, isLocked: true },
            [lockedRect.id]: { ...lockedRect, isLocked: false },
          },
        },
      }),
    )
    expect(refused.map((r) => r.key)).toEqual([rect.id, lockedRect.id])
    const turned = { ...rect, type: 'wt-zone' }
    const context = ruleContext({ records: { before, writes: { [rect.id]: turned } } })
    expect(structureLockRule.checkAll!(context).map((r) => r.key)).toEqual([rect.id])
  })

  it('lets an editor add structure: a zone, a legend, a locked shape, a whole map', () => {
    const newZone = { ...zone, id: 'shape:nieuw' }
    const newLegend = { ...legend, id: 'shape:legende' }
    const lockedRect = { ...geoShape('vast'), isLocked: true }
    expect(judge({ writes: byId(newZone, newLegend, lockedRect) })).toEqual([])
    const fresh = initialBoardRecords({ template: 'partnerschapskaart', locale: 'nl', title: 'x' })
    const context = ruleContext({ records: { writes: byId(...(fresh as unknown as Rec[])) } })
    expect(structureLockRule.checkAll!(context)).toEqual([])
  })

  it('lets an editor move, edit and delete cards, in a zone or out of it', () => {
    const movedOut = { ...sectionCard, parentId: mapPage, x: 4000 }
    expect(judge({ writes: { [sectionCard.id]: movedOut } })).toEqual([])
    expect(judge({ writes: { [sectionCard.id]: { ...sectionCard, x: 10 } } })).toEqual([])
    expect(judge({ deletes: [sectionCard.id] })).toEqual([])
  })

  it('lets the facilitator do anything', () => {
    const update = {
      writes: { [zone.id]: { ...zone, x: 1 }, [lane.id]: { ...lane, isLocked: true } },
      deletes: [legend.id, ...onPage(interestPage), interestPage],
    }
    expect(judge(update, 'facilitator')).toEqual([])
  })

  describe('a lane forgets its partner', () => {
    const cleared = { ...lane, props: { ...lane.props, participantId: null } }
    const partnerGoes = [
      partner.id,
      ...onPage(interestPage).filter((key) => isUnder(key, partner.id)),
    ]

    it('when an editor deletes the participant: the lane’s partner becomes null', () => {
      expect(judge({ writes: { [lane.id]: cleared }, deletes: partnerGoes })).toEqual([])
    })

    it('also when the participant went earlier', () => {
      const { [partner.id]: _gone, ...without } = board
      const context = ruleContext({ records: { before: without, writes: { [lane.id]: cleared } } })
      expect(structureLockRule.checkAll!(context)).toEqual([])
    })

    it('not while the participant is still on the board', () => {
      expect(keys({ writes: { [lane.id]: cleared } })).toEqual([lane.id])
    })

    it('not with any other change to the lane', () => {
      const retitled = { ...cleared, props: { ...cleared.props, title: 'Weg' } }
      expect(keys({ writes: { [lane.id]: retitled }, deletes: partnerGoes })).toEqual([lane.id])
      const moved = { ...cleared, y: 0 }
      expect(keys({ writes: { [lane.id]: moved }, deletes: partnerGoes })).toEqual([lane.id])
    })

    it('not when the participant comes back with a page that is put back', () => {
      const update = {
        writes: { [lane.id]: cleared },
        deletes: [...onPage(interestPage), interestPage],
      }
      const refused = keys(update)
      expect(refused).toContain(partner.id)
      expect(refused).toContain(lane.id)
    })
  })

  describe('a page that holds structure', () => {
    it('comes back whole when an editor deletes it, with everything deleted on it', () => {
      const deleted = onPage(interestPage)
      const refused = judge({ deletes: [...deleted, interestPage] })
      expect(refused.map((r) => r.key).sort()).toEqual([...deleted, interestPage].sort())
      const reason = `the structure is locked: ${interestPage} holds the map's structure`
      expect(refused[0]).toEqual({ key: interestPage, reason })
      expect(refused.every((r) => r.reason === reason)).toBe(true)
      // The exchanges (bound arrows) come back with their bindings.
      expect(deleted.some((key) => key.startsWith('binding:'))).toBe(true)
    })

    it('comes back when only the page is deleted and its zones stay behind', () => {
      expect(keys({ deletes: [mapPage] })).toEqual([mapPage])
    })

    it('stays when an editor moves its shapes to another page and deletes it in one update', () => {
      const top = records.filter((r) => r.typeName === 'shape' && r.parentId === mapPage)
      const moved = Object.fromEntries(top.map((r) => [r.id, { ...r, parentId: interestPage }]))
      const refused = keys({ writes: moved, deletes: [mapPage] })
      expect(refused).toContain(mapPage)
      // Every structure shape that was moved goes back, so the page it returns to stays.
      for (const r of top.filter((r) => r.type === 'wt-zone' || r.type === 'wt-legend')) {
        expect(refused).toContain(r.id)
      }
    })

    it('may go when it holds no structure', () => {
      const page = pageRecord('page:leeg', 'Leeg')
      const card = { ...interestCard('los'), parentId: page.id }
      const before = { ...byId(...boardBasics()), ...byId(page, card) }
      const context = ruleContext({ records: { before, deletes: [card.id, page.id] } })
      expect(structureLockRule.checkAll!(context)).toEqual([])
    })
  })

  it('puts back the cards an editor deleted with a zone, as tldraw deletes them', () => {
    const inZone = records.filter((r) => r.parentId === zone.id).map((r) => r.id)
    expect(inZone.length).toBeGreaterThan(0)
    const refused = judge({ deletes: [zone.id, ...inZone] })
    expect(refused.map((r) => r.key)).toEqual([zone.id, ...inZone])
    expect(new Set(refused.map((r) => r.reason))).toEqual(new Set([locked(zone.id)]))
  })

  it('puts back the deleted group a zone hangs in, and the bindings to a deleted zone', () => {
    const group = { ...geoShape('groep'), type: 'group', props: {} }
    const inGroup = { ...zone, id: 'shape:in-groep', parentId: group.id }
    const arrow = { ...geoShape('pijl'), type: 'arrow' }
    const binding = {
      id: 'binding:pijl',
      typeName: 'binding',
      type: 'arrow',
      fromId: arrow.id,
      toId: inGroup.id,
      props: {},
      meta: {},
    }
    const before = { ...board, ...byId(group, inGroup, arrow, binding) }
    const context = ruleContext({
      records: { before, deletes: [inGroup.id, group.id, binding.id] },
    })
    expect(
      structureLockRule.checkAll!(context)
        .map((r) => r.key)
        .sort(),
    ).toEqual([binding.id, group.id, inGroup.id].sort())
  })
})

describe('what holds the layout', () => {
  const group = { ...geoShape('groep'), type: 'group', props: {} }
  const inGroup = { ...zone, id: 'shape:in-groep', parentId: group.id }
  const before = { ...board, ...byId(group, inGroup) }
  const judgeWith = (update: MapUpdate) =>
    structureLockRule.checkAll!(ruleContext({ records: { before, ...update } })).map((r) => r.key)

  it('an editor may not delete or move the group a zone hangs in, leaving the zone behind', () => {
    expect(judgeWith({ deletes: [group.id] })).toEqual([group.id])
    const away = { ...group, parentId: interestPage }
    expect(judgeWith({ writes: { [group.id]: away } })).toEqual([group.id])
  })

  it('an editor may still delete or move a card, and move a group without layout', () => {
    const card = { ...geoShape('los'), parentId: group.id }
    const withCard = { ...before, ...byId(card) }
    const context = (update: MapUpdate) =>
      structureLockRule.checkAll!(ruleContext({ records: { before: withCard, ...update } }))
    expect(context({ deletes: [card.id] })).toEqual([])
    expect(context({ writes: { [card.id]: { ...card, parentId: mapPage } } })).toEqual([])
  })
})

function isUnder(key: string, ancestor: string): boolean {
  let record = board[key] as Rec | undefined
  for (let depth = 0; record && depth < 50; depth++) {
    if (record.parentId === ancestor) return true
    record = board[record.parentId as string] as Rec | undefined
  }
  return false
}
