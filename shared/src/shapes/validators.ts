import { T } from '@tldraw/validate'

/** Limits shared by every card; the server refuses records past them. */
export const MAX_SIZE = 4000
export const MAX_LONG_TEXT = 1000
export const MAX_SHORT_TEXT = 200
export const MAX_PARTICIPANT_REFS = 50

const fail = (message: string): never => {
  throw new T.ValidationError(message)
}

/** Width or height of a card or zone: above 0, at most 4000. */
export const sizeValidator = T.number.check((n) => {
  if (n <= 0) fail(`Expected a size above 0, got ${n}`)
  if (n > MAX_SIZE) fail(`Expected a size of at most ${MAX_SIZE}, got ${n}`)
})

function textValidator(max: number) {
  return T.string.check((s) => {
    if (s.length > max) fail(`Expected at most ${max} characters, got ${s.length}`)
  })
}

/** Free text of a card (a dream, an interest, an agreement): at most 1000 characters. */
export const longTextValidator = textValidator(MAX_LONG_TEXT)
/** A name, a channel, who decides...: at most 200 characters. */
export const shortTextValidator = textValidator(MAX_SHORT_TEXT)

/** The id of a `wt-participant` shape (`shape:...`). */
export const participantIdValidator = T.string.check((s) => {
  if (!s.startsWith('shape:') || s.length <= 'shape:'.length) {
    fail(`Expected a participant shape id ('shape:...'), got '${s.slice(0, 60)}'`)
  }
  if (s.length > MAX_SHORT_TEXT) fail(`Expected a shape id of at most ${MAX_SHORT_TEXT} characters`)
})

/** A reference to a participant, or null when there is none (yet). */
export const participantRefValidator = T.nullable(participantIdValidator)

/** A list of unique values, at most `max` long. */
export function uniqueListValidator<V extends string>(item: T.Validatable<V>, max: number) {
  return T.arrayOf(item).check((list) => {
    if (list.length > max) fail(`Expected at most ${max} items, got ${list.length}`)
    const seen = new Set<V>()
    for (const v of list) {
      if (seen.has(v)) fail(`Expected unique items, got '${v}' twice`)
      seen.add(v)
    }
  })
}

/** Participants that share, agree, ...: unique participant ids, at most 50. */
export const participantListValidator = uniqueListValidator(
  participantIdValidator,
  MAX_PARTICIPANT_REFS,
)

/** A calendar date `YYYY-MM-DD` that exists, or '' for no date. */
export const dateValidator = T.string.check((s) => {
  if (s === '') return
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null
  if (!date || date.toISOString().slice(0, 10) !== s) {
    fail(`Expected a date as YYYY-MM-DD or '', got '${s.slice(0, 40)}'`)
  }
})

/** Years ahead of a dream or an assignment: a whole number from 1 to 50. */
export const horizonYearsValidator = T.integer.check((n) => {
  if (n < 1 || n > 50) fail(`Expected a horizon of 1 to 50 years, got ${n}`)
})
