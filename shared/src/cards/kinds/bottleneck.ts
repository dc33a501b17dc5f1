import { INK_DARK } from '../../model/choice.js'
import { defineCard } from '../defineCard.js'
import { longText, roundRef, shortText } from '../fields.js'
import { ROUND_ID_MIGRATION } from './roundIdMigration.js'

/** Knelpunt: what stands in the way, who can remove it, and the round it came up in. */
export const bottleneckCard = defineCard({
  kind: 'bottleneck',
  look: { icon: 'construction', color: '#EF6C00', ink: INK_DARK },
  map: 'partnerschapskaart',
  size: { w: 360, h: 200 },
  fields: {
    text: longText({ label: 'field.text' }),
    whoCanRemove: shortText({ label: 'field.whoCanRemove', icon: 'wrench' }),
    roundId: roundRef({ label: 'field.roundId' }),
  },
  text: ['text'],
  migrations: [ROUND_ID_MIGRATION],
})
