/**
 * What an editor's update may write, as a chain of rules in the spirit of Hocuspocus' hooks.
 *
 * How to add a rule:
 * 1. Write `server/src/rules/<name>Rule.ts` exporting a `Rule`: a unique `name` and `check(ctx)`.
 * 2. `check` reads the context (role, connectionId, the changed keys of `records`, `meta` and
 *    `meeting` and `impact` with their values before and after, those maps after the update, writerSchema,
 *    size) and returns null or a refusal `{ key?, map?, reason, code? }`. Naming a key (in
 *    `map`, `records` when not given) puts only that key back: the writer's screen converges,
 *    the others never see it, the writer is told `refused:<reason>`, nobody is disconnected.
 *    No key refuses the whole update and closes the connection, for abuse only. `recordRule`
 *    judges written records one by one; a rule that may refuse many keys gives `checkAll`.
 * 3. Add it to `createRuleChain` below, after every rule whose guarantees it relies on.
 * 4. Test it in `<name>Rule.test.ts` next to it, with contexts from `tests/helpers/ruleContext.ts`.
 */
import type { TLSchema } from '@tldraw/tlschema'
import { defaultConfig } from '../config.js'
import { assetSourceRule } from './assetSourceRule.js'
import { boardSizeRule } from './boardSizeRule.js'
import { documentInvariantsRule } from './documentInvariantsRule.js'
import { impactRule } from './impactRule.js'
import { meetingRule } from './meetingRule.js'
import { metaRule } from './metaRule.js'
import { recordLimitsRule } from './recordLimitsRule.js'
import type { RecordLimits } from './recordLimitsRule.js'
import { recordShapeRule } from './recordShapeRule.js'
import { recordValidityRule } from './recordValidityRule.js'
import { RuleChain } from './RuleChain.js'
import { structureLockRule } from './structureLockRule.js'
import { structureRule } from './structureRule.js'

export type {
  BoardSize,
  KeyChange,
  MapView,
  Refusal,
  RecordsView,
  RootWrite,
  Rule,
  RuleContext,
  RuleMap,
} from './Rule.js'
export { RuleChain } from './RuleChain.js'
export type { ChainRefusal, ChainVerdict, Corrector } from './RuleChain.js'
export { recordRule } from './recordRule.js'
export type { RecordLimits } from './recordLimitsRule.js'
export { DOCUMENT_ID } from './documentInvariantsRule.js'

/**
 * The server's rules, in the order they run [1]:
 * 1. structure: only the `records`, `meta`, `meeting` and `impact` maps, no list content in them;
 * 2. meta: only `meta.schema`, and only a schema the server can migrate from, never lowered;
 * 3. record shape: a JSON object under its own id, of a known document-scope type;
 * 3a. record limits: every record of any type within its sizes (JSON, meta, texts, drawings);
 * 4. record validity: migrated from the writer's schema, then valid by the shared validators;
 * 5. asset source: a picture's `src` is a photo stored with this board, or empty;
 * 6. document invariants: the document record and the last page stay;
 * 7. structure lock: only the facilitator changes or deletes zones, legends, frames and
 *    locked shapes, or a page holding them (an editor may add them);
 * 8. meeting: each `meeting` key by the role that may write it, well-formed; a ballot within
 *    the open vote's allowance, its dots on cards that are on the board;
 * 9. impact: measurements only added (never changed or deleted), rounds the facilitator's,
 *    each `impact` value well-formed and fitting the board: its action and indicator exist,
 *    the value fits the unit, a date at most a year ahead;
 * 10. board size: the board stays within `maxBoardBytes` (4413).
 */
export function createRuleChain(
  schema: TLSchema,
  limits: { maxBoardBytes: number } & Partial<RecordLimits>,
): RuleChain {
  const { maxRecordBytes, maxTextChars, maxMetaBytes, maxDrawPoints } = {
    ...defaultConfig,
    ...limits,
  }
  return new RuleChain([
    structureRule,
    metaRule(schema),
    recordShapeRule(schema),
    recordLimitsRule({ maxRecordBytes, maxTextChars, maxMetaBytes, maxDrawPoints }),
    recordValidityRule(schema),
    assetSourceRule,
    documentInvariantsRule,
    structureLockRule,
    meetingRule,
    impactRule(schema),
    boardSizeRule(limits.maxBoardBytes),
  ])
}

// [1] Cheap and general first: a structural problem makes every later question moot, record
//     validity assumes record shape, and the board size rule, the only one that may encode
//     the whole board, runs last, on an update that is otherwise fine. The structure lock
//     runs after every rule that judges records one by one and after document invariants, so
//     it sees which deletions stand (a lane may forget a partner only if it is really gone);
//     the meeting rule runs after all record rules, so a ballot's cards are judged on the
//     board as it will be (a card put back by an earlier rule does not exist). The impact rule
//     follows for the same reason: a measurement of an action card refused in the same update
//     is refused too.
