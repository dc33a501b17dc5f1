import { CloseCode } from '@wijktafel/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ruleContext } from '../../../tests/helpers/ruleContext.js'
import { boardBasics, geoShape, pageRecord } from '../../../tests/helpers/records.js'
import { createBoardSchema } from '../records/boardSchema.js'
import { UpdateGuard } from '../rooms/UpdateGuard.js'
import { createRuleChain } from './index.js'
import type { Refusal, Rule, RuleContext, RuleMap } from './Rule.js'
import { MAX_CORRECTIONS, RuleChain, TOO_MANY_CORRECTIONS } from './RuleChain.js'
import type { ChainRefusal } from './RuleChain.js'

/** A rule that notes that it ran, and refuses when given a refusal. */
function probe(name: string, ran: string[], refusal: Refusal | null = null): Rule {
  return {
    name,
    check() {
      ran.push(name)
      return refusal
    },
  }
}

/** A rule that refuses every written record whose value is 'bad', one per `check`. */
function noBad(name: string, asked: number[], all = false): Rule {
  const refusals = (context: RuleContext) =>
    context.changes
      .filter((change) => change.after === 'bad')
      .map((change) => ({ key: change.key, reason: `${change.key} is bad` }))
  return {
    name,
    check(context) {
      asked.push(context.changes.length)
      return refusals(context)[0] ?? null
    },
    ...(all && { checkAll: (context: RuleContext) => (asked.push(-1), refusals(context)) }),
  }
}

/** Corrects like the guard does, on a context of plain objects: the keys leave the update. */
function corrector(context: RuleContext, seen: ChainRefusal[][] = []) {
  return (refusals: readonly ChainRefusal[]): RuleContext => {
    seen.push([...refusals])
    const lists = {
      records: 'changes',
      meta: 'metaChanges',
      meeting: 'meetingChanges',
      impact: 'impactChanges',
    } as const satisfies Record<RuleMap, keyof RuleContext>
    const next: { -readonly [K in keyof RuleContext]: RuleContext[K] } = { ...context }
    for (const { key, map = 'records' } of refusals) {
      const changes = next[lists[map]]
      if (!changes.some((change) => change.key === key)) throw new Error('not in it')
      next[lists[map]] = changes.filter((change) => change.key !== key)
    }
    context = next
    return context
  }
}

const check = (chain: RuleChain, context = ruleContext()) =>
  chain.check(context, corrector(context))

describe('RuleChain', () => {
  it('runs its rules in order and stops at the first refusal without a key', () => {
    const ran: string[] = []
    const chain = new RuleChain([
      probe('first', ran),
      probe('second', ran, { reason: 'no' }),
      probe('third', ran),
    ])
    expect(check(chain)).toEqual({ refused: { reason: 'no', rule: 'second' } })
    expect(ran).toEqual(['first', 'second'])
  })

  it('accepts when every rule does', () => {
    const ran: string[] = []
    expect(check(new RuleChain([probe('a', ran), probe('b', ran)]))).toEqual({
      refused: null,
      corrections: [],
    })
    expect(ran).toEqual(['a', 'b'])
  })

  it('hands on the close code of a refusal without a key', () => {
    const refusal = { reason: 'too big', code: CloseCode.TOO_LARGE }
    expect(check(new RuleChain([probe('size', [], refusal)]))).toEqual({
      refused: { ...refusal, rule: 'size' },
    })
  })

  it('corrects every refused key and lets the later rules judge the rest of the update', () => {
    const context = ruleContext({
      records: { writes: { 'shape:a': 'bad', 'shape:b': 'fine', 'shape:c': 'bad' } },
      meta: { writes: { owner: 'mallory' } },
    })
    const asked: number[] = []
    const seenByLast: RuleContext[] = []
    const chain = new RuleChain([
      {
        name: 'meta',
        check: ({ metaChanges }) =>
          metaChanges.length
            ? { map: 'meta', key: 'owner', reason: 'meta.owner is not allowed' }
            : null,
      },
      noBad('records', asked),
      { name: 'last', check: (later) => (seenByLast.push(later), null) },
    ])
    const seen: ChainRefusal[][] = []
    expect(chain.check(context, corrector(context, seen))).toEqual({
      refused: null,
      corrections: [
        { map: 'meta', key: 'owner', reason: 'meta.owner is not allowed', rule: 'meta' },
        { key: 'shape:a', reason: 'shape:a is bad', rule: 'records' },
        { key: 'shape:c', reason: 'shape:c is bad', rule: 'records' },
      ],
    })
    // A rule with only `check` is asked again after each correction, until it accepts.
    expect(asked).toEqual([3, 2, 1])
    expect(seen).toHaveLength(3)
    expect(seenByLast[0]!.changes.map((change) => change.key)).toEqual(['shape:b'])
    expect(seenByLast[0]!.metaChanges).toEqual([])
  })

  it('asks a rule with checkAll once and corrects all it found together', () => {
    const context = ruleContext({
      records: { writes: { 'shape:a': 'bad', 'shape:b': 'fine', 'shape:c': 'bad' } },
    })
    const asked: number[] = []
    const seen: ChainRefusal[][] = []
    const verdict = new RuleChain([noBad('records', asked, true)]).check(
      context,
      corrector(context, seen),
    )
    expect(verdict.refused).toBeNull()
    expect(asked).toEqual([-1])
    expect(seen.map((refusals) => refusals.map((refusal) => refusal.key))).toEqual([
      ['shape:a', 'shape:c'],
    ])
  })

  it('a refusal without a key after corrections still refuses the whole update', () => {
    const context = ruleContext({ records: { writes: { 'shape:a': 'bad' } } })
    const chain = new RuleChain([
      noBad('records', []),
      probe('size', [], { reason: 'too big', code: CloseCode.TOO_LARGE }),
    ])
    expect(check(chain, context)).toEqual({
      refused: { reason: 'too big', code: CloseCode.TOO_LARGE, rule: 'size' },
    })
  })

  it('refuses an update with more refused keys than a person makes, instead of correcting them', () => {
    const writes = (n: number) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`shape:${i}`, 'bad']))
    const chain = new RuleChain([noBad('records', [], true)])
    const many = ruleContext({ records: { writes: writes(MAX_CORRECTIONS + 1) } })
    expect(check(chain, many)).toEqual({
      refused: { reason: TOO_MANY_CORRECTIONS, rule: 'records' },
    })
    const some = ruleContext({ records: { writes: writes(MAX_CORRECTIONS) } })
    expect(check(chain, some).refused).toBeNull()
  })

  it('refuses two rules with the same name', () => {
    expect(() => new RuleChain([probe('a', []), probe('a', [])])).toThrow(/name of its own/)
  })

  it('the server’s chain runs in the documented order', () => {
    const chain = createRuleChain(createBoardSchema(), { maxBoardBytes: 1000 })
    expect(chain.rules.map((rule) => rule.name)).toEqual([
      'structure',
      'meta',
      'record shape',
      'record limits',
      'record validity',
      'asset source',
      'document invariants',
      'structure lock',
      'meeting',
      'impact',
      'board size',
    ])
  })

  it('a rule hears who wrote the update and what it changed, from the guard’s shadow', () => {
    const doc = new Y.Doc()
    doc.transact(() => {
      for (const record of [...boardBasics(), geoShape('dream', 'oud')]) {
        doc.getMap('records').set(record.id, record)
      }
    })
    const seen: RuleContext[] = []
    const onlyFacilitatorsAddPages: Rule = {
      name: 'only facilitators add pages',
      check(context) {
        seen.push(context)
        const page = context.changes.find((c) => c.action === 'add' && c.key.startsWith('page:'))
        if (!page || context.role === 'facilitator') return null
        return { key: page.key, reason: `only a facilitator may add ${page.key}` }
      },
    }
    const guard = new UpdateGuard(doc, new RuleChain([onlyFacilitatorsAddPages]), {
      boardId: 'board-1',
      storedBytes: () => 0,
    })
    const update = (change: (records: Y.Map<unknown>) => void) => {
      const client = new Y.Doc()
      Y.applyUpdate(client, Y.encodeStateAsUpdate(doc))
      const before = Y.encodeStateVector(client)
      change(client.getMap('records'))
      return Y.encodeStateAsUpdate(client, before)
    }
    const offer = (change: Uint8Array, writer: { role: 'editor' | 'facilitator'; id: number }) => {
      const verdict = guard.check(change, writer)
      if (verdict.ok && verdict.update) Y.applyUpdate(doc, verdict.update)
      return verdict
    }

    const edit = update((records) => {
      records.set('shape:dream', geoShape('dream', 'nieuw'))
      records.delete('page:page')
    })
    expect(offer(edit, { role: 'editor', id: 7 })).toMatchObject({
      ok: true,
      corrections: [],
    })
    const [context] = seen
    expect(context).toMatchObject({ boardId: 'board-1', role: 'editor', connectionId: 7 })
    expect(context!.changes).toEqual([
      {
        key: 'shape:dream',
        action: 'update',
        before: geoShape('dream', 'oud'),
        after: geoShape('dream', 'nieuw'),
      },
      { key: 'page:page', action: 'delete', before: pageRecord(), after: undefined },
    ])
    expect(context!.records.has('page:page')).toBe(false)
    expect(context!.size.after()).toBeGreaterThan(0)

    const addPage = () => update((records) => records.set('page:two', pageRecord('page:two')))
    expect(offer(addPage(), { role: 'editor', id: 7 })).toMatchObject({
      ok: true,
      corrections: [
        {
          map: 'records',
          key: 'page:two',
          reason: 'only a facilitator may add page:two',
          rule: 'only facilitators add pages',
        },
      ],
    })
    // The rule then judges the rest of the update: it has nothing left.
    expect(seen.at(-1)!.changes).toEqual([])
    expect(doc.getMap('records').has('page:two')).toBe(false)
    expect(offer(addPage(), { role: 'facilitator', id: 8 })).toMatchObject({
      ok: true,
      corrections: [],
    })
    expect(seen.at(-1)).toMatchObject({ role: 'facilitator', connectionId: 8 })
    expect(doc.getMap('records').has('page:two')).toBe(true)
  })
})
