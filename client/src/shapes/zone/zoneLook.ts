import {
  findChoice,
  SECTION_KINDS,
  ZONE_KINDS,
  type Choice,
  type SectionKind,
  type ZoneKind,
} from '@wijktafel/shared'

/**
 * The choice a zone looks like: a section looks like the cards it holds (its section kind),
 * every other zone like its zone kind. A lane takes its partner's look in the component.
 */
export function zoneChoice(kind: ZoneKind, section: SectionKind | null): Choice {
  if (kind === 'section' && section) {
    const s = findChoice(SECTION_KINDS, section)
    if (s) return s
  }
  return findChoice(ZONE_KINDS, kind) ?? ZONE_KINDS[0]
}
