import type { TLArrowShape, TLDefaultColorStyle, TLShape } from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { EXCHANGE_TYPE_IDS, type ExchangeType } from '../model/enums.js'

/**
 * An exchange (Uitwisseling) between two participants is tldraw's own `arrow` shape, bound to
 * the two `wt-participant` shapes, marked by its meta. The arrow's label is the free text.
 */
export interface ExchangeArrowMeta {
  wt: 'exchange'
  exchangeType: ExchangeType
}

export type WtExchangeArrow = TLArrowShape & { meta: ExchangeArrowMeta }

const exchangeTypeValidator = T.literalEnum(...EXCHANGE_TYPE_IDS)

/**
 * Validates the meta of an exchange arrow: `wt` must be 'exchange' and `exchangeType` one of
 * the exchange types. Other meta keys are left alone [1].
 */
export const exchangeMetaValidator = new T.Validator<ExchangeArrowMeta>((value) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new T.ValidationError(`Expected the meta of an exchange arrow, got ${typeof value}`)
  }
  const meta = value as Record<string, unknown>
  if (meta['wt'] !== 'exchange') {
    throw new T.ValidationError(`Expected wt 'exchange', got ${JSON.stringify(meta['wt'])}`, ['wt'])
  }
  try {
    exchangeTypeValidator.validate(meta['exchangeType'])
  } catch (error) {
    const message = error instanceof T.ValidationError ? error.rawMessage : String(error)
    throw new T.ValidationError(message, ['exchangeType'])
  }
  return value as ExchangeArrowMeta
})

/** True when a shape is marked as an exchange arrow (its meta may still be invalid). */
export function isExchangeArrow(shape: TLShape): boolean {
  return shape.type === 'arrow' && shape.meta['wt'] === 'exchange'
}

/** The tldraw arrow colour each exchange type is drawn in (tldraw's own colour names). */
export const EXCHANGE_ARROW_COLORS = {
  tijd: 'blue',
  geld: 'yellow',
  kennis: 'green',
  ruimte: 'orange',
  netwerk: 'violet',
  mandaat: 'black',
  data: 'grey',
  vertrouwen: 'red',
} as const satisfies Record<ExchangeType, TLDefaultColorStyle>

// [1] The schema itself keeps tldraw's free-form arrow meta (a strict meta validator in the
// schema would refuse every other arrow, and any meta key a later feature adds). The server
// checks exchange arrows with validateWijktafelRecord, which applies this validator to every
// arrow whose meta says wt: 'exchange'.
