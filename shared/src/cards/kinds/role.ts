import { INK_LIGHT } from '../../model/choice.js'
import { PARTNER_ROLES } from '../../model/choices.js'
import { defineCard } from '../defineCard.js'
import { choice, participant, shortText } from '../fields.js'

/** Rol: the part a partner plays; the partner is a participant card or, without one, a name. */
export const roleCard = defineCard({
  kind: 'role',
  look: { icon: 'id-card', color: '#7E57C2', ink: INK_LIGHT },
  map: 'partnerschapskaart',
  size: { w: 280, h: 160 },
  fields: {
    role: choice(PARTNER_ROLES, { label: 'field.role', initial: 'uitvoerder', show: 'big' }),
    participantId: participant({ label: 'field.partner' }),
    partner: shortText({ label: 'field.partner', size: 'md', unless: 'participantId' }),
  },
  text: ['partner'],
})
