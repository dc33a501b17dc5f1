import { INK_DARK } from '../../model/choice.js'
import { defineCard } from '../defineCard.js'
import { date, longText } from '../fields.js'

/** Leerpunt: something the table learned, with the date. */
export const lessonCard = defineCard({
  kind: 'lesson',
  look: { icon: 'lightbulb', color: '#E8C8F0', ink: INK_DARK },
  map: 'partnerschapskaart',
  size: { w: 360, h: 200 },
  fields: {
    text: longText({ label: 'field.text' }),
    date: date({ label: 'field.date', show: 'badge' }),
  },
  text: ['text'],
})
