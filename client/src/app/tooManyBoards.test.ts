import { translate } from '@wijktafel/shared/light'
import { describe, expect, it } from 'vitest'
import { ApiRequestError } from './api'
import { tooManyBoardsText } from './tooManyBoards'

const t = (key: Parameters<typeof translate>[1]) => translate('nl', key)
const refused = (seconds: number | null) =>
  new ApiRequestError(429, 'Many boards…', 'too_many_boards', seconds)

describe('tooManyBoardsText', () => {
  it('says how many whole minutes to wait, rounded up, in plain words', () => {
    expect(tooManyBoardsText(refused(1500), t)).toBe(
      'Er zijn net veel borden gemaakt vanaf dit netwerk. Probeer het over 25 minuten opnieuw.',
    )
    expect(tooManyBoardsText(refused(61), t)).toContain('over 2 minuten')
    expect(tooManyBoardsText(refused(20), t)).toContain('over een minuut')
    expect(tooManyBoardsText(refused(null), t)).toContain('over een minuut')
  })

  it('leaves every other error to the page', () => {
    expect(tooManyBoardsText(new ApiRequestError(400, 'x', 'bad_request'), t)).toBeNull()
    expect(tooManyBoardsText(new TypeError('offline'), t)).toBeNull()
  })
})
