import { INK_DARK } from '../../model/choice.js'
import { defineCard } from '../defineCard.js'
import { horizon, longText } from '../fields.js'

/** Droom: the residents' long-term dream for the neighbourhood, the centre of both maps. */
export const dreamCard = defineCard({
  kind: 'dream',
  look: { icon: 'sparkles', color: '#FFC93C', ink: INK_DARK },
  map: 'belangenkaart',
  size: { w: 560, h: 320 },
  fields: { text: longText({ label: 'field.text', size: 'lg' }), horizonYears: horizon(5) },
  text: ['text'],
})
