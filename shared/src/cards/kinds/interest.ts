import { INK_DARK } from '../../model/choice.js'
import { INTEREST_CATEGORIES } from '../../model/choices.js'
import { defineCard } from '../defineCard.js'
import { choice, flag, longText, participant } from '../fields.js'

/**
 * Belang: a sticky note in the colour and with the pictogram of its category, usually inside
 * its participant's area; `shared` once it lies in a Gedeeld belang zone.
 */
export const interestCard = defineCard({
  kind: 'interest',
  look: { icon: 'sticky-note', color: '#FFF3B0', ink: INK_DARK },
  map: 'belangenkaart',
  size: { w: 280, h: 200 },
  variant: 'note',
  fields: {
    text: longText({ label: 'field.text' }),
    category: choice(INTEREST_CATEGORIES, {
      label: 'field.category',
      initial: 'halen',
      show: 'look',
    }),
    participantId: participant({ label: 'field.participant' }),
    shared: flag({ label: 'field.shared', icon: 'heart-handshake' }),
  },
  text: ['text'],
})
