import type { MessageKey } from '@wijktafel/shared'
import { Pictogram } from './Pictogram'

/** "5+ years" as a calendar pictogram and a number, readable in any language. */
export function HorizonBadge({ years, t }: { years: number; t: (key: MessageKey) => string }) {
  return (
    <span className="wtc-card__badge" title={t('field.horizonYears')}>
      <Pictogram name="calendar" size={28} />
      {years}
    </span>
  )
}

export const HORIZON_OPTIONS = [1, 2, 3, 4, 5, 10, 15, 20] as const
