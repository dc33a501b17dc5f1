import { EXCHANGE_TYPES, type ExchangeType } from '@wijktafel/shared'
import { ArrowRight } from 'lucide-react'
import { getArrowBindings, useEditor, useValue, type TLArrowShape } from 'tldraw'
import { ChoicePicker } from '../common/Choices'
import { ParticipantChip } from '../common/Participants'
import { useCard } from '../common/useCard'
import { exchangeChoiceOf } from './exchangeBadge'
import { rememberExchangeType } from './ExchangeTool'

/**
 * The edit panel of an exchange: who gives to whom (the cards the arrow is bound to), and its
 * type as eight pictogram buttons. The free text is the arrow's own label (double-click).
 */
export function ExchangePanel({ shape }: { shape: TLArrowShape }) {
  const editor = useEditor()
  const { t } = useCard(shape)
  const ends = useValue(
    'wt exchange ends',
    () => {
      const current = editor.getShape<TLArrowShape>(shape.id)
      if (!current) return { from: null, to: null }
      const { start, end } = getArrowBindings(editor, current)
      return { from: start?.toId ?? null, to: end?.toId ?? null }
    },
    [editor, shape.id],
  )
  const choice = exchangeChoiceOf(shape)
  function pick(exchangeType: ExchangeType) {
    rememberExchangeType(editor, exchangeType)
    editor.markHistoryStoppingPoint('exchange type')
    editor.updateShape<TLArrowShape>({
      id: shape.id,
      type: 'arrow',
      meta: { ...shape.meta, wt: 'exchange', exchangeType },
    })
  }
  return (
    <>
      {ends.from || ends.to ? (
        <div className="wtc-exchange-ends" aria-label={`${t('field.from')} → ${t('field.to')}`}>
          <ParticipantChip id={ends.from} t={t} big />
          <ArrowRight aria-hidden="true" size={32} strokeWidth={2.5} className="wt-flip-rtl" />
          <ParticipantChip id={ends.to} t={t} big />
        </div>
      ) : null}
      <ChoicePicker
        title={t('field.exchangeType')}
        choices={EXCHANGE_TYPES}
        value={choice?.id ?? null}
        onPick={pick}
        t={t}
      />
    </>
  )
}
