import { INK_LIGHT } from '../../model/choice.js'
import { defineCard } from '../defineCard.js'
import { longText, participants } from '../fields.js'

/** Spelregel: a rule of the game, with an "agreed" mark per partner. */
export const ruleCard = defineCard({
  kind: 'rule',
  look: { icon: 'scale', color: '#795548', ink: INK_LIGHT },
  map: 'partnerschapskaart',
  size: { w: 360, h: 200 },
  fields: {
    text: longText({ label: 'field.text' }),
    agreedBy: participants({ label: 'field.agreedBy', icon: 'thumbs-up' }),
  },
  text: ['text'],
})
