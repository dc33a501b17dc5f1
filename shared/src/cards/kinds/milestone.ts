import { INK_DARK } from '../../model/choice.js'
import { ROAD_HORIZON_CHOICES } from '../../model/choices.js'
import { defineCard } from '../defineCard.js'
import { choice, date, longText } from '../fields.js'

/**
 * Mijlpaal: a point on the road from today to the dream (Dazo step 6, backcasting): what is
 * true by then, its horizon and its date. It stands on the road (shared/src/road); moving it
 * along the road changes its date and horizon, like an action's.
 */
export const milestoneCard = defineCard({
  kind: 'milestone',
  look: { icon: 'milestone', color: '#A5D6A7', ink: INK_DARK },
  map: 'partnerschapskaart',
  size: { w: 440, h: 300 },
  fields: {
    text: longText({ label: 'field.text', size: 'lg' }),
    horizon: choice(ROAD_HORIZON_CHOICES, {
      label: 'field.horizon',
      initial: 'kort',
      show: 'badge',
    }),
    due: date({ label: 'field.due', show: 'chip' }),
  },
  text: ['text'],
})
