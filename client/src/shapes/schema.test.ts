// @vitest-environment jsdom
import { createWijktafelSchema, WIJKTAFEL_SHAPES } from '@wijktafel/shared'
import { createTLStore, defaultShapeUtils } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { WIJKTAFEL_EDITOR_SHAPE_UTILS, WIJKTAFEL_SHAPE_UTILS } from './index'

describe('one schema for client and server', () => {
  it("the client's store schema serialises equal to the one the server validates with", () => {
    // As BoardConnection builds the store the board syncs through.
    const store = createTLStore({ shapeUtils: [...defaultShapeUtils, ...WIJKTAFEL_SHAPE_UTILS] })
    expect(store.schema.serialize()).toEqual(createWijktafelSchema().serialize())
  })

  it("the editor's shape utils use the shared validators and migrations, object for object", () => {
    for (const util of WIJKTAFEL_EDITOR_SHAPE_UTILS) {
      const shared = WIJKTAFEL_SHAPES[util.type as keyof typeof WIJKTAFEL_SHAPES]
      if (!shared) continue // the exchange arrow is tldraw's own arrow record
      expect(util.props).toBe(shared.props)
      expect(util.migrations).toBe(shared.migrations)
    }
    expect(WIJKTAFEL_SHAPE_UTILS.map((u) => u.type).sort()).toEqual(
      Object.keys(WIJKTAFEL_SHAPES).sort(),
    )
  })
})
