import type { Indicator } from '../../impact/impact.js'
import { INK_LIGHT } from '../../model/choice.js'
import { ACTION_STATUSES, ROAD_HORIZON_CHOICES, VALUE_KINDS } from '../../model/choices.js'
import { defineCard } from '../defineCard.js'
import {
  choice,
  choices,
  date,
  indicators,
  longText,
  optionalChoice,
  participant,
} from '../fields.js'

/**
 * Actie: what, who, when and its status; the kinds of value it makes; where it sits on the
 * road to the dream; and what residents measure to follow it (Dazo steps 6 to 8). The
 * indicators are drawn by the client's goal block; measurements live in the board's `impact`
 * map (shared/src/impact/impact.ts).
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
    horizon: optionalChoice(ROAD_HORIZON_CHOICES, { label: 'field.horizon', show: 'badge-icon' }),
    indicators: indicators({ label: 'field.indicators' }),
  },
  text: ['what'],
  migrations: [
    {
      // One indicator in five loose fields becomes a list of indicators [1].
      id: 'Indicators',
      up(props) {
        const { indicator, baseline, latest, target, measuredBy } = props
        for (const name of ['indicator', 'baseline', 'latest', 'target', 'measuredBy']) {
          delete props[name]
        }
        const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null)
        const what = typeof indicator === 'string' ? indicator : ''
        const numbers = [num(baseline), num(latest), num(target)]
        const list: Indicator[] = []
        if (what.trim() !== '' || numbers.some((n) => n !== null)) {
          list.push({
            id: 'i1',
            what,
            unit: 'anders',
            unitLabel: '',
            baseline: numbers[0]!,
            target: numbers[2]!,
            measuredBy: typeof measuredBy === 'string' ? measuredBy : 'bewoners',
            euroPerUnit: null,
            undatedLatest: numbers[1]!,
          })
        }
        props.indicators = list
        props.horizon = ''
      },
      down(props) {
        const first = (props.indicators as Indicator[] | undefined)?.[0]
        props.indicator = first?.what ?? ''
        props.baseline = first?.baseline ?? null
        props.latest = first?.undatedLatest ?? null
        props.target = first?.target ?? null
        props.measuredBy = first?.measuredBy ?? 'bewoners'
        delete props.indicators
        delete props.horizon
      },
    },
  ],
})

// [1] A migrated indicator gets the unit `anders` with no word: the old card had no unit, and
//     `anders` accepts every finite number the old fields could hold (a count would refuse a
//     stored -1 or 2.5, and the record would no longer load). The table picks the unit later.
//     `latest` becomes `undatedLatest`: it was never dated, so it is not made a measurement.
