import { newIndicator, type Indicator, type WtActionShape } from '@wijktafel/shared'
import type { CardPartProps } from '../common/CardView'
import { FieldRow } from '../common/FieldRow'
import { Pictogram } from '../common/Pictogram'
import { SHORT_TEXT, TextField } from '../common/TextField'
import { goalProgress } from './progress'

/**
 * The measurable goal of an action (Dazo step 8), below its fields: what is counted, a
 * progress bar from baseline through the latest measurement to the target, and who measures.
 */
export function ActionGoal({ shape, card: { editing, exporting, t, update } }: CardPartProps) {
  const props = (shape as WtActionShape).props
  // The first indicator, as the card showed its one indicator before the impact model.
  const first = props.indicators[0] ?? newIndicator('i1')
  const p = { ...first, indicator: first.what, latest: first.undatedLatest }
  const setFirst = (patch: Partial<Indicator>) =>
    update({ indicators: [{ ...first, ...patch }, ...props.indicators.slice(1)] })
  const progress = goalProgress(p.baseline, p.target, p.latest)
  if (p.indicator === '' && p.target === null && !editing) return null
  return (
    <div className="wtc-measure">
      <FieldRow icon={<Pictogram name="target" size={26} />} title={t('field.indicator')}>
        <TextField
          value={p.indicator}
          onChange={(what) => setFirst({ what })}
          editing={editing}
          exporting={exporting}
          placeholder={t('field.indicator')}
          size="sm"
          multiline={false}
          maxLength={SHORT_TEXT}
        />
      </FieldRow>
      {progress !== null ? (
        <div className="wtc-measure__bar" title={`${p.baseline} → ${p.latest} / ${p.target}`}>
          <div className="wtc-measure__fill" style={{ width: `${progress * 100}%` }} />
        </div>
      ) : null}
      {p.target !== null ? (
        <div className="wtc-row wtc-row--between">
          <span title={t('field.baseline')}>{p.baseline ?? '–'}</span>
          <span title={t('field.latest')} style={{ fontWeight: 700 }}>
            {p.latest ?? '–'}
          </span>
          <span title={t('field.target')} className="wtc-row" style={{ gap: 4 }}>
            <Pictogram name="flag" size={20} />
            {p.target}
          </span>
        </div>
      ) : null}
      <FieldRow icon={<Pictogram name="users" size={24} />} title={t('field.measuredBy')}>
        <TextField
          value={p.measuredBy}
          onChange={(measuredBy) => setFirst({ measuredBy })}
          editing={editing}
          exporting={exporting}
          placeholder={t('field.measuredBy')}
          size="sm"
          multiline={false}
          maxLength={SHORT_TEXT}
          muted
        />
      </FieldRow>
    </div>
  )
}
