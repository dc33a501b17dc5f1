import { INK_DARK } from '../../model/choice.js'
import { defineCard } from '../defineCard.js'
import { longText, participant } from '../fields.js'

/** Verwachting: what one partner expects of another (drawn as "from → to", then the text). */
export const expectationCard = defineCard({
  kind: 'expectation',
  look: { icon: 'arrow-right-left', color: '#4DB6AC', ink: INK_DARK },
  map: 'partnerschapskaart',
  size: { w: 360, h: 220 },
  fields: {
    fromId: participant({ label: 'field.from', hidden: true }),
    toId: participant({ label: 'field.to', hidden: true }),
    text: longText({ label: 'field.text' }),
  },
  text: ['text'],
})
