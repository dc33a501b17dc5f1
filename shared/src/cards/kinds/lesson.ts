import { INK_DARK } from '../../model/choice.js'
import { defineCard } from '../defineCard.js'
import { date, longText, roundRef } from '../fields.js'
import { ROUND_ID_MIGRATION } from './roundIdMigration.js'

/** Leerpunt: something the table learned, with the date and the evaluation round it came up in. */
export const lessonCard = defineCard({
  kind: 'lesson',
  look: { icon: 'lightbulb', color: '#E8C8F0', ink: INK_DARK },
  map: 'partnerschapskaart',
  size: { w: 360, h: 200 },
  fields: {
    text: longText({ label: 'field.text' }),
    date: date({ label: 'field.date', show: 'badge' }),
    roundId: roundRef({ label: 'field.roundId' }),
  },
  text: ['text'],
  migrations: [ROUND_ID_MIGRATION],
})
