import { INK_LIGHT } from '../../model/choice.js'
import { PARTICIPANT_KINDS, PARTICIPANT_LEVELS } from '../../model/choices.js'
import { defineCard } from '../defineCard.js'
import { choice, shortText } from '../fields.js'

/**
 * Deelnemer: a person or an organisation, drawn as an area that holds its interest notes.
 * Its default size fits two by two notes under its header [1].
 */
export const participantCard = defineCard({
  kind: 'participant',
  look: { icon: 'user', color: '#5D6D7E', ink: INK_LIGHT },
  map: 'belangenkaart',
  size: { w: 640, h: 584 },
  variant: 'area',
  fields: {
    name: shortText({ label: 'field.name', size: 'lg' }),
    organisation: shortText({ label: 'field.organisation', muted: true }),
    kind: choice(PARTICIPANT_KINDS, { label: 'field.kind', initial: 'bewoner', show: 'look' }),
    level: choice(PARTICIPANT_LEVELS, {
      label: 'field.level',
      initial: 'persoonlijk',
      show: 'badge-icon',
    }),
  },
  text: ['name', 'organisation'],
})

// [1] 140 header + 2 rows of 200 high notes + 20 gap + 24 bottom padding = 584; 24 + 2 x 280
// wide notes + 20 gap + 24 = 628, rounded up to 640. See templates/layout.ts.
