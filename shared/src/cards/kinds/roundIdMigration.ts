import type { CardMigration } from '../defineCard.js'

/**
 * The step that gave lessons and bottlenecks the evaluation round they came up in
 * (`roundId`, '' for none): one definition for both kinds, so they can never drift apart.
 */
export const ROUND_ID_MIGRATION: CardMigration = {
  id: 'RoundId',
  up(props) {
    props.roundId = ''
  },
  down(props) {
    delete props.roundId
  },
}
