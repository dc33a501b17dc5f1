import {
  ACTION_SHAPE,
  ACTION_STATUSES,
  actionDefaultProps,
  actionShapeMigrations,
  actionShapeProps,
  findChoice,
  getCardKind,
  VALUE_KINDS,
  type WtActionShape,
} from '@wijktafel/shared'
import { memo } from 'react'
import { CardFrame } from '../common/CardFrame'
import { CardShapeUtil } from '../common/CardShapeUtil'
import { ChoiceChip, ChoicePicker, toggleId } from '../common/Choices'
import { FieldRow } from '../common/FieldRow'
import { formatDate, NullableNumberInput, PanelInput } from '../common/PanelFields'
import { ParticipantChip, ParticipantPicker } from '../common/Participants'
import { Pictogram } from '../common/Pictogram'
import { SHORT_TEXT, TextField } from '../common/TextField'
import { useCard } from '../common/useCard'
import { goalProgress } from './progress'

const KIND = getCardKind('action')

/**
 * Actie: what, who, when, its status, the kinds of value it makes and a measurable goal that
 * residents can follow themselves.
 */
export class ActionShapeUtil extends CardShapeUtil<WtActionShape> {
  static override type = ACTION_SHAPE
  static override props = actionShapeProps
  static override migrations = actionShapeMigrations

  override getDefaultProps(): WtActionShape['props'] {
    return { ...actionDefaultProps, values: [...actionDefaultProps.values] }
  }

  override getText(shape: WtActionShape) {
    return shape.props.what
  }

  override component(shape: WtActionShape) {
    return <ActionCard shape={shape} />
  }
}

const ActionCard = memo(function ActionCard({ shape }: { shape: WtActionShape }) {
  const { editing, exporting, locale, t, update } = useCard(shape)
  const p = shape.props
  const status = findChoice(ACTION_STATUSES, p.status)
  const values = VALUE_KINDS.filter((v) => p.values.includes(v.id))
  const progress = goalProgress(p.baseline, p.target, p.latest)
  const hasGoal = p.indicator !== '' || p.target !== null
  return (
    <CardFrame
      look={{ ...KIND, label: t(KIND.label) }}
      editing={editing}
      badge={status ? <ChoiceChip choice={status} t={t} /> : null}
    >
      <TextField
        value={p.what}
        onChange={(what) => update({ what })}
        editing={editing}
        exporting={exporting}
        placeholder={t('field.what')}
        autoFocus
      />
      {p.ownerId || p.due || values.length ? (
        <div className="wtc-row">
          <ParticipantChip id={p.ownerId} t={t} />
          {p.due ? (
            <span className="wtc-row" title={t('field.due')} style={{ gap: 4, fontWeight: 600 }}>
              <Pictogram name="calendar" size={26} />
              {formatDate(p.due, locale)}
            </span>
          ) : null}
          {values.map((v) => (
            <ChoiceChip key={v.id} choice={v} t={t} iconOnly />
          ))}
        </div>
      ) : null}
      {hasGoal || editing ? (
        <div className="wtc-measure">
          <FieldRow icon={<Pictogram name="target" size={26} />} title={t('field.indicator')}>
            <TextField
              value={p.indicator}
              onChange={(indicator) => update({ indicator })}
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
              onChange={(measuredBy) => update({ measuredBy })}
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
      ) : null}
    </CardFrame>
  )
})

export function ActionPanel({ shape }: { shape: WtActionShape }) {
  const { t, update } = useCard(shape)
  const p = shape.props
  return (
    <>
      <ChoicePicker
        title={t('field.status')}
        choices={ACTION_STATUSES}
        value={p.status}
        onPick={(status) => update({ status })}
        t={t}
      />
      <ChoicePicker
        title={t('field.values')}
        choices={VALUE_KINDS}
        value={p.values}
        onPick={(id) => update({ values: toggleId(p.values, id) })}
        t={t}
      />
      <ParticipantPicker
        title={t('field.owner')}
        value={p.ownerId}
        onPick={(ownerId) => update({ ownerId })}
        t={t}
        noneLabel="—"
      />
      <div className="wtc-panel-grid">
        <PanelInput
          label={t('field.due')}
          type="date"
          value={p.due}
          onChange={(due) => {
            if (due === '' || /^\d{4}-\d{2}-\d{2}$/.test(due)) update({ due })
          }}
        />
        <NullableNumberInput
          label={t('field.baseline')}
          value={p.baseline}
          onChange={(baseline) => update({ baseline })}
        />
        <NullableNumberInput
          label={t('field.latest')}
          value={p.latest}
          onChange={(latest) => update({ latest })}
        />
        <NullableNumberInput
          label={t('field.target')}
          value={p.target}
          onChange={(target) => update({ target })}
        />
      </div>
    </>
  )
}
