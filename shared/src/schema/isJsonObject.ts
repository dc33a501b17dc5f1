export type JsonObject = { [key: string]: JsonValue }
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject

/**
 * True for what JSON.parse could have produced: plain objects, arrays, strings, finite
 * numbers, booleans and null. Yjs can also carry undefined, NaN, bigints, binary and
 * objects with a `__proto__` key [1]; none of those belongs in a record or a schema.
 * Recursive: absurdly deep nesting can throw a RangeError, which callers turn into a refusal.
 */
export function isJsonObject(value: unknown): value is JsonObject {
  return isPlainObject(value) && Object.values(value).every(isJsonValue)
}

function isJsonValue(value: unknown): value is JsonValue {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true
    case 'number':
      return Number.isFinite(value)
    case 'object':
      if (value === null) return true
      if (Array.isArray(value)) return value.every(isJsonValue)
      return isJsonObject(value)
    default:
      return false
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

// [1] lib0's decoder assigns keys one by one, so a `__proto__` key becomes the object's
//     prototype: its fields would pass a validator yet vanish on the next copy.
