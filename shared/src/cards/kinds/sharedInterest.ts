import { INK_LIGHT } from '../../model/choice.js'
import { defineCard } from '../defineCard.js'
import { longText, participants } from '../fields.js'

/** Gedeeld belang: the common goal, with the participants that share it. */
export const sharedInterestCard = defineCard({
  kind: 'shared-interest',
  look: { icon: 'heart-handshake', color: '#C2185B', ink: INK_LIGHT },
  map: 'belangenkaart',
  size: { w: 320, h: 200 },
  fields: {
    text: longText({ label: 'field.text', size: 'lg' }),
    participantIds: participants({ label: 'field.participants' }),
  },
  text: ['text'],
})
