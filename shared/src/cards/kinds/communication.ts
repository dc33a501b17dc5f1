import { INK_DARK } from '../../model/choice.js'
import { defineCard } from '../defineCard.js'
import { shortText } from '../fields.js'

/** Communicatie: how the partners keep each other informed. */
export const communicationCard = defineCard({
  kind: 'communication',
  look: { icon: 'messages-square', color: '#64B5F6', ink: INK_DARK },
  map: 'partnerschapskaart',
  size: { w: 360, h: 260 },
  fields: {
    channel: shortText({ label: 'field.channel', icon: 'messages-square', size: 'md' }),
    frequency: shortText({ label: 'field.frequency', icon: 'clock', size: 'md' }),
    contact: shortText({ label: 'field.contact', icon: 'user', size: 'md' }),
    language: shortText({ label: 'field.language', icon: 'languages', size: 'md' }),
  },
  text: ['channel', 'frequency', 'contact', 'language'],
})
