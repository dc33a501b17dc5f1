import { CloseCode } from '@wijktafel/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ruleContext } from '../../../tests/helpers/ruleContext.js'
import { boardBasics, geoShape, pageRecord } from '../../../tests/helpers/records.js'
import { createBoardSchema } from '../records/boardSchema.js'
import { UpdateGuard } from '../rooms/UpdateGuard.js'
import { createRuleChain } from './index.js'
import type { Refusal, Rule, RuleContext } from './Rule.js'
import { RuleChain } from './RuleChain.js'

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

describe('RuleChain', () => {
  it('runs its rules in order and stops at the first refusal', () => {
    const ran: string[] = []
    const chain = new RuleChain([
      probe('first', ran),
      probe('second', ran, { reason: 'no' }),
      probe('third', ran),
    ])
    expect(chain.check(ruleContext())).toEqual({ reason: 'no', rule: 'second' })
    expect(ran).toEqual(['first', 'second'])
  })

  it('accepts when every rule does', () => {
    const ran: string[] = []
    expect(new RuleChain([probe('a', ran), probe('b', ran)]).check(ruleContext())).toBeNull()
    expect(ran).toEqual(['a', 'b'])
  })

  it('hands on the refused record’s key and the close code', () => {
    const refusal = { key: 'shape:x', reason: 'too big', code: CloseCode.TOO_LARGE }
    const chain = new RuleChain([probe('size', [], refusal)])
    expect(chain.check(ruleContext())).toEqual({ ...refusal, rule: 'size' })
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
      'record validity',
      'document invariants',
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

    const edit = update((records) => {
      records.set('shape:dream', geoShape('dream', 'nieuw'))
      records.delete('page:page')
    })
    expect(guard.check(edit, { role: 'editor', id: 7 }).ok).toBe(true)
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

    const addPage = update((records) => records.set('page:two', pageRecord('page:two')))
    expect(guard.check(addPage, { role: 'editor', id: 7 })).toMatchObject({
      ok: false,
      key: 'page:two',
      reason: 'only a facilitator may add page:two',
      rule: 'only facilitators add pages',
    })
    expect(guard.check(addPage, { role: 'facilitator', id: 8 }).ok).toBe(true)
    expect(seen.at(-1)).toMatchObject({ role: 'facilitator', connectionId: 8 })
  })
})
