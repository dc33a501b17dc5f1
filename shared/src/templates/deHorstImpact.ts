import type { TLRecord } from '@tldraw/tlschema'
import type { EvaluationRound, Indicator, Measurement, RoundStatus } from '../impact/impact.js'
import { measurementKey, roundKey, roundStatusKey } from '../impact/state.js'
import type { ActionStatus } from '../model/enums.js'

/**
 * A year of measurements in De Horst (December 2025 to November 2026) and two evaluation
 * rounds, for the example board's `impact` map. Measurements refer to an indicator id of the
 * example's actions (de-horst.json: pakketten, banen, klussen, bezoekers, bomen, groen); the
 * action's shape id is found when the board is made. Counts are running totals, as residents
 * keep them on a tally sheet; the people measuring are the example's participants [1].
 */
const WHO = {
  fatma: { by: 'Fatma (bewoners)', personId: 'voorbeeld-fatma' },
  karim: { by: 'Karim (bewoners)', personId: 'voorbeeld-karim' },
  coop: { by: 'Energiecoöperatie Horst Zon', personId: 'voorbeeld-coop' },
  jeroen: { by: 'Jeroen Bakker (woningcorporatie)', personId: 'voorbeeld-jeroen' },
  marieke: { by: 'Marieke de Vries (gemeente)', personId: 'voorbeeld-marieke' },
} as const

type Row = [date: string, value: number, who: keyof typeof WHO, note?: string, roundId?: string]

const MEASUREMENTS: Record<string, Row[]> = {
  pakketten: [
    ['2025-12-13', 12, 'coop', 'Eerste uitdeeldag op het plein'],
    ['2026-01-24', 31, 'coop'],
    ['2026-02-21', 52, 'fatma'],
    ['2026-03-21', 68, 'coop'],
    ['2026-04-18', 80, 'coop'],
    ['2026-05-16', 97, 'fatma', 'Aan de deur gebracht in de Lindelaan'],
    ['2026-06-20', 108, 'fatma'],
    ['2026-08-29', 112, 'coop', 'Zomer: weinig vraag'],
    ['2026-09-26', 127, 'coop'],
    ['2026-10-24', 141, 'fatma'],
    ['2026-11-21', 156, 'coop'],
  ],
  banen: [
    ['2026-06-27', 0, 'karim', 'Werkplaats ingericht'],
    ['2026-08-29', 1, 'karim'],
    ['2026-09-26', 2, 'karim'],
    ['2026-10-31', 2, 'karim'],
    ['2026-11-21', 3, 'karim', 'Derde buurman aan het werk'],
  ],
  klussen: [
    ['2026-07-31', 6, 'jeroen'],
    ['2026-08-31', 15, 'jeroen'],
    ['2026-09-30', 27, 'jeroen'],
    ['2026-10-31', 41, 'jeroen'],
    ['2026-11-20', 52, 'jeroen'],
  ],
  bezoekers: [
    ['2025-12-20', 9, 'jeroen', 'Open huis voor de kerst'],
    ['2026-01-31', 22, 'jeroen'],
    ['2026-02-28', 37, 'fatma'],
    ['2026-03-28', 51, 'jeroen'],
    ['2026-04-25', 63, 'jeroen'],
    ['2026-05-30', 72, 'fatma'],
    ['2026-06-27', 310, 'jeroen'],
    ['2026-07-25', 81, 'jeroen', 'Zomer: minder bezoek'],
    ['2026-09-26', 94, 'fatma'],
    ['2026-10-31', 112, 'jeroen'],
    ['2026-11-21', 126, 'jeroen'],
  ],
  bomen: [
    ['2026-03-14', 0, 'marieke', 'Ontwerp met de kinderen gemaakt'],
    ['2026-11-21', 8, 'marieke', 'Boomplantdag: 8 bomen met 40 buren'],
  ],
  groen: [
    ['2025-12-06', 5, 'fatma', 'Tegels en groen geteld'],
    ['2026-03-14', 6, 'fatma'],
    ['2026-06-13', 9, 'fatma', 'Twaalf geveltuinen erbij'],
    ['2026-09-12', 12, 'fatma'],
    ['2026-11-18', 17, 'fatma', 'Samen geteld op de evaluatieavond', 'najaar-2026'],
  ],
}

/** A typo the table corrected: 310 visitors in June were 79. */
const CORRECTIONS: { id: string; corrects: string; value: number; note: string }[] = [
  {
    id: 'bezoekers-2026-06-27-c',
    corrects: 'bezoekers-2026-06-27',
    value: 79,
    note: 'Verbeterd: 79, niet 310',
  },
]

export const DE_HORST_ROUNDS: EvaluationRound[] = [
  {
    id: 'voorjaar-2026',
    title: 'Evaluatie voorjaar 2026',
    date: '2026-04-22',
    startedAt: Date.UTC(2026, 3, 22, 17, 30),
    by: 'Marieke de Vries',
  },
  {
    id: 'najaar-2026',
    title: 'Evaluatie najaar 2026',
    date: '2026-11-18',
    startedAt: Date.UTC(2026, 10, 18, 18, 30),
    by: 'Marieke de Vries',
  },
]

/** Per round, per action (named by its first indicator): the status and what the table said. */
const ROUND_STATUS: Record<string, Record<string, [ActionStatus, string]>> = {
  'voorjaar-2026': {
    pakketten: ['bezig', '80 pakketten. Na de winter minder vraag; aan de deur brengen.'],
    banen: ['idee', 'De werkplaats kan; geld voor gereedschap nog niet.'],
    bezoekers: ['bezig', 'Elke zaterdag open. Buren nemen buren mee.'],
    bomen: ['gepland', 'Ontwerp met de kinderen klaar; budget gevraagd.'],
  },
  'najaar-2026': {
    pakketten: ['bezig', '156 pakketten. Nog 44 voor de winter.'],
    banen: ['bezig', 'Drie buren aan het werk, 52 klussen gedaan.'],
    bezoekers: ['bezig', '126 bezoekers. In de zomer liep het terug.'],
    bomen: ['bezig', 'Boomplantdag: 8 bomen staan. De speelplek volgt.'],
  },
}

/**
 * The example's impact map (key -> value), for the board's records: the action of each
 * indicator id is the action card that has it. An indicator the records lack is skipped.
 */
export function deHorstImpact(records: readonly TLRecord[]): [string, unknown][] {
  const actionOf = new Map<string, string>()
  for (const record of records) {
    if (record.typeName !== 'shape' || record.type !== 'wt-action') continue
    const indicators = (record.props as { indicators?: Indicator[] }).indicators ?? []
    for (const indicator of indicators) actionOf.set(indicator.id, record.id)
  }
  const entries: [string, unknown][] = DE_HORST_ROUNDS.map((r) => [roundKey(r.id), r])
  for (const [indicatorId, rows] of Object.entries(MEASUREMENTS)) {
    const actionId = actionOf.get(indicatorId)
    if (!actionId) continue
    for (const [date, value, who, note = '', roundId = null] of rows) {
      const m: Measurement = {
        actionId,
        indicatorId,
        value,
        date,
        ...WHO[who],
        note,
        at: writtenOn(date),
        roundId,
        corrects: null,
      }
      entries.push([measurementKey(`${indicatorId}-${date}`), m])
    }
  }
  for (const fix of CORRECTIONS) {
    const [, earlier] = entries.find(([key]) => key === measurementKey(fix.corrects)) ?? []
    if (!earlier) continue
    const m = earlier as Measurement
    const correction: Measurement = {
      ...m,
      value: fix.value,
      note: fix.note,
      at: m.at + 3 * 86_400_000,
      corrects: fix.corrects,
    }
    entries.push([measurementKey(fix.id), correction])
  }
  for (const [roundId, byIndicator] of Object.entries(ROUND_STATUS)) {
    const round = DE_HORST_ROUNDS.find((r) => r.id === roundId)!
    for (const [indicatorId, [status, note]] of Object.entries(byIndicator)) {
      const actionId = actionOf.get(indicatorId)
      if (!actionId) continue
      const value: RoundStatus = { status, note, at: round.startedAt + 3_600_000 }
      entries.push([roundStatusKey(roundId, actionId), value])
    }
  }
  return entries
}

/** Written down the evening of the day it was measured. */
function writtenOn(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return Date.UTC(y, m - 1, d, 19, 0)
}

// [1] Running totals make the history a rising line that people read at a glance; the summer
//     dips in visits and demand, the correction of a typo and a round measured on the
//     evaluation evening are there because real tables have them.
