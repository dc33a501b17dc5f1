import { b64Vecs } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { initialBoardRecords, TOO_BIG_REFUSAL } from '@wijktafel/shared'
import { byId, ruleContext } from '../../../tests/helpers/ruleContext.js'
import { geoShape, pageRecord } from '../../../tests/helpers/records.js'
import { defaultConfig } from '../config.js'
import { createBoardSchema } from '../records/boardSchema.js'
import { createRuleChain } from './index.js'
import { recordLimitsRule } from './recordLimitsRule.js'

const limits = { maxRecordBytes: 4096, maxTextChars: 100, maxMetaBytes: 64, maxDrawPoints: 50 }
const rule = recordLimitsRule(limits)
const judge = (value: { id: string } & Record<string, unknown>) =>
  rule.check(ruleContext({ records: { writes: byId(value) } }))?.reason ?? null

/** A rich text of `paragraphs` paragraphs of `each` characters. */
function richText(paragraphs: number, each: number) {
  return {
    type: 'doc',
    content: Array.from({ length: paragraphs }, () => ({
      type: 'paragraph',
      content: [{ type: 'text', text: 'x'.repeat(each) }],
    })),
  }
}

function drawing(points: number) {
  const vecs = Array.from({ length: points }, (_, i) => ({ x: i, y: i % 7, z: 0.5 }))
  return {
    ...geoShape('krabbel'),
    type: 'draw',
    props: { segments: [{ type: 'free', path: b64Vecs.encodePoints(vecs) }] },
  }
}

describe('recordLimitsRule', () => {
  it('counts a rich text’s characters together, over all its paragraphs', () => {
    const fits = geoShape('a', '', { props: { richText: richText(4, 25) } })
    expect(judge(fits)).toBeNull()
    const over = geoShape('a', '', { props: { richText: richText(4, 26) } })
    expect(judge(over)).toBe(
      `invalid record shape:a: ${TOO_BIG_REFUSAL} props.richText over 100 characters`,
    )
  })

  it('limits every other text of any record: a page name, a link', () => {
    expect(judge(pageRecord('page:p', 'x'.repeat(100)))).toBeNull()
    expect(judge(pageRecord('page:p', 'x'.repeat(101)))).toBe(
      `invalid record page:p: ${TOO_BIG_REFUSAL} name over 100 characters`,
    )
    expect(judge(geoShape('a', '', { props: { url: `https://${'x'.repeat(120)}` } }))).toBe(
      `invalid record shape:a: ${TOO_BIG_REFUSAL} props.url over 100 characters`,
    )
  })

  it('limits the free-form meta as a whole', () => {
    expect(judge({ ...geoShape('a'), meta: { note: 'x'.repeat(40) } })).toBeNull()
    expect(judge({ ...geoShape('a'), meta: { note: 'x'.repeat(60) } })).toBe(
      `invalid record shape:a: ${TOO_BIG_REFUSAL} meta over 64 bytes`,
    )
  })

  it('counts a drawing’s points from its encoded path, not its characters', () => {
    expect(judge(drawing(50))).toBeNull()
    expect(judge(drawing(60))).toBe(
      `invalid record shape:krabbel: ${TOO_BIG_REFUSAL} a drawing of over 50 points`,
    )
    const line = { ...geoShape('lijn'), type: 'line', props: { points: {} as object } }
    line.props.points = Object.fromEntries(
      Array.from({ length: 51 }, (_, i) => [`a${i}`, { id: `a${i}`, index: `a${i}`, x: i, y: 0 }]),
    )
    expect(judge(line)).toContain('a drawing of over 50 points')
  })

  it('limits the whole record, whatever makes it big', () => {
    const props = geoShape('a').props as Record<string, unknown>
    const many = { ...geoShape('a'), props: { ...props, list: Array(2000).fill(1) } }
    expect(judge(many)).toBe(`invalid record shape:a: ${TOO_BIG_REFUSAL} over 4096 bytes`)
  })

  it('lets every template and the De Horst example through with the default limits', () => {
    const chain = createRuleChain(createBoardSchema(), { maxBoardBytes: 1e9 })
    const defaults = recordLimitsRule(defaultConfig)
    for (const template of ['both', 'example'] as const) {
      const records = initialBoardRecords({ template, locale: 'nl', title: 'De Horst' })
      const context = ruleContext({ records: { writes: byId(...records) } })
      expect(defaults.checkAll!(context)).toEqual([])
      expect(chain.rules.map((r) => r.name)).toContain('record limits')
    }
  })
})
