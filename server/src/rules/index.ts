/**
 * What an editor's update may write, as a chain of rules in the spirit of Hocuspocus' hooks.
 *
 * How to add a rule:
 * 1. Write `server/src/rules/<name>Rule.ts` exporting a `Rule`: a unique `name` and `check(ctx)`.
 * 2. `check` reads the context (role, connectionId, changes, records, writerSchema, size) and
 *    returns null or a refusal `{ key?, metaKey?, reason, code? }`. Naming a key puts only that
 *    key back (the writer is told, nobody is disconnected); no key refuses the whole update and
 *    closes the connection, for abuse only. `recordRule` judges written records one by one.
 * 3. Add it to `createRuleChain` below, after every rule whose guarantees it relies on.
 * 4. Test it in `<name>Rule.test.ts` next to it, with contexts from `tests/helpers/ruleContext.ts`.
 */
import type { TLSchema } from '@tldraw/tlschema'
import { assetSourceRule } from './assetSourceRule.js'
import { boardSizeRule } from './boardSizeRule.js'
import { documentInvariantsRule } from './documentInvariantsRule.js'
import { metaRule } from './metaRule.js'
import { recordShapeRule } from './recordShapeRule.js'
import { recordValidityRule } from './recordValidityRule.js'
import { RuleChain } from './RuleChain.js'
import { structureRule } from './structureRule.js'

export type {
  BoardSize,
  KeyChange,
  Refusal,
  RecordsView,
  RootWrite,
  Rule,
  RuleContext,
} from './Rule.js'
export { RuleChain } from './RuleChain.js'
export type { ChainRefusal, ChainVerdict, Corrector } from './RuleChain.js'
export { recordRule } from './recordRule.js'
export { DOCUMENT_ID } from './documentInvariantsRule.js'

/**
 * The server's rules, in the order they run [1]:
 * 1. structure: only the `records` and `meta` maps, and no list content in them;
 * 2. meta: only `meta.schema`, and only a schema the server can migrate from, never lowered;
 * 3. record shape: a JSON object under its own id, of a known document-scope type;
 * 4. record validity: migrated from the writer's schema, then valid by the shared validators;
 * 5. asset source: a picture's `src` is a photo stored with this board, or empty;
 * 6. document invariants: the document record and the last page stay;
 * 7. board size: the board stays within `maxBoardBytes` (4413).
 */
export function createRuleChain(schema: TLSchema, limits: { maxBoardBytes: number }): RuleChain {
  return new RuleChain([
    structureRule,
    metaRule(schema),
    recordShapeRule(schema),
    recordValidityRule(schema),
    assetSourceRule,
    documentInvariantsRule,
    boardSizeRule(limits.maxBoardBytes),
  ])
}

// [1] Cheap and general first: a structural problem makes every later question moot, record
//     validity assumes record shape, and the board size rule, the only one that may encode
//     the whole board, runs last, on an update that is otherwise fine.
