import { INK_LIGHT } from '../../model/choice.js'
import { ACTION_STATUSES, VALUE_KINDS } from '../../model/choices.js'
import { defineCard } from '../defineCard.js'
import { choice, choices, date, longText, number, participant, shortText } from '../fields.js'

/**
 * Actie: what, who, when and its status; the kinds of value it makes; and a measurable goal
 * residents can follow themselves (Dazo step 8), drawn by the client's goal block.
 */
export const actionCard = defineCard({
  kind: 'action',
  look: { icon: 'list-checks', color: '#2E7D32', ink: INK_LIGHT },
  map: 'partnerschapskaart',
  size: { w: 400, h: 340 },
  fields: {
    what: longText({ label: 'field.what' }),
    status: choice(ACTION_STATUSES, { label: 'field.status', initial: 'idee', show: 'badge' }),
    ownerId: participant({ label: 'field.owner' }),
    due: date({ label: 'field.due', show: 'chip' }),
    values: choices(VALUE_KINDS, { label: 'field.values' }),
    indicator: shortText({ label: 'field.indicator', hidden: true }),
    baseline: number({ label: 'field.baseline' }),
    latest: number({ label: 'field.latest' }),
    target: number({ label: 'field.target' }),
    // Residents measure by default: the publication asks for goals they can monitor themselves.
    measuredBy: shortText({ label: 'field.measuredBy', hidden: true, initial: 'bewoners' }),
  },
  text: ['what'],
})
