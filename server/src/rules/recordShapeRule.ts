import type { TLSchema } from '@tldraw/tlschema'
import { isJsonObject } from '@wijktafel/shared'
import { recordRule } from './recordRule.js'
import type { Rule } from './Rule.js'

/**
 * A record is a plain JSON object stored under its own id, of a document-scope type the
 * schema knows: no session records (camera, instance...) and nothing Yjs can carry but JSON
 * cannot (nested Yjs types, NaN, binary, `__proto__` keys).
 */
export function recordShapeRule(schema: TLSchema): Rule {
  return recordRule('record shape', (key, value) => {
    if (!isJsonObject(value)) return 'not a JSON object'
    if (value.id !== key) return `its id is ${describe(value.id)}`
    const { typeName } = value
    const type =
      typeof typeName === 'string' && Object.hasOwn(schema.types, typeName)
        ? schema.types[typeName as keyof typeof schema.types]
        : undefined
    if (!type || type.scope !== 'document') return `type ${describe(typeName)} not allowed`
    return null
  })
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : typeof value
}
