import { INK_LIGHT } from '../../model/choice.js'
import { defineCard } from '../defineCard.js'
import { horizon, longText } from '../fields.js'

/** Maatschappelijke opdracht: what the partners will do in the next two years. */
export const assignmentCard = defineCard({
  kind: 'assignment',
  look: { icon: 'target', color: '#1B4F72', ink: INK_LIGHT },
  map: 'belangenkaart',
  size: { w: 560, h: 320 },
  fields: { text: longText({ label: 'field.text', size: 'lg' }), horizonYears: horizon(2) },
  text: ['text'],
})
