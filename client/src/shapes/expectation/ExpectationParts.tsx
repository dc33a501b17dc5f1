import type { WtExpectationShape } from '@wijktafel/shared'
import { ArrowRight } from 'lucide-react'
import type { CardPartProps } from '../common/CardView'
import { ParticipantChip } from '../common/Participants'

/** Verwachting: "from → to" above the text, so the direction reads without words. */
export function ExpectationFromTo({ shape, card: { t } }: CardPartProps) {
  const { fromId, toId } = (shape as WtExpectationShape).props
  if (!fromId && !toId) return null
  return (
    <div className="wtc-row" style={{ flexWrap: 'nowrap' }}>
      <ParticipantChip id={fromId} t={t} />
      <ArrowRight
        size={30}
        strokeWidth={3}
        aria-label={t('field.to')}
        className="wt-flip-rtl"
        style={{ flex: '0 0 auto' }}
      />
      <ParticipantChip id={toId} t={t} />
    </div>
  )
}
