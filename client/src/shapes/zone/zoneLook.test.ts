import { SECTION_KINDS, ZONE_KINDS } from '@wijktafel/shared'
import { describe, expect, it } from 'vitest'
import { zoneChoice } from './zoneLook'

describe('zoneChoice', () => {
  it('shows a section with the pictogram and colour of the cards it holds', () => {
    const actions = SECTION_KINDS.find((s) => s.id === 'actions')!
    expect(zoneChoice('section', 'actions')).toEqual(actions)
  })

  it('shows a section without a section kind, and every other zone, as its zone kind', () => {
    expect(zoneChoice('section', null).id).toBe('section')
    for (const kind of ZONE_KINDS) {
      expect(zoneChoice(kind.id, 'roles').id).toBe(kind.id === 'section' ? 'roles' : kind.id)
    }
  })
})
