import { INK_LIGHT } from '../../model/choice.js'
import { DECISION_RULES } from '../../model/choices.js'
import { defineCard } from '../defineCard.js'
import { choice, longText, shortText } from '../fields.js'

/** Besluit: what is decided, who decides and how. */
export const decisionCard = defineCard({
  kind: 'decision',
  look: { icon: 'gavel', color: '#263238', ink: INK_LIGHT },
  map: 'partnerschapskaart',
  size: { w: 360, h: 240 },
  fields: {
    what: longText({ label: 'field.what' }),
    who: shortText({ label: 'field.who', icon: 'users' }),
    rule: choice(DECISION_RULES, { label: 'field.rule', initial: 'consent', show: 'chip' }),
  },
  text: ['what', 'who'],
})
