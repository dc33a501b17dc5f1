// @vitest-environment jsdom
import {
  buildRoad,
  dateToX,
  horizonDate,
  horizonOf,
  ROAD_LAYOUT,
  xToDate,
  type WtRoadShape,
} from '@wijktafel/shared'
import { act, createElement } from 'react'
import { createRoot } from 'react-dom/client'
import {
  createShapeId,
  EditorProvider,
  PageRecordType,
  type Editor,
  type TLShape,
  type TLShapeId,
} from 'tldraw'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestEditor } from '../testing/createTestEditor'
import { useSession } from '../../state/session'
import { MakeRoadButton } from './MakeRoadButton'
import { makeRoad } from './makeRoad'

let editor: Editor
let road: WtRoadShape
let ref: TLShape
let milestone: TLShape
const ACTION = 'shape:action' as TLShapeId

beforeEach(() => {
  editor = createTestEditor()
  editor.createShape({
    id: ACTION,
    type: 'wt-action',
    x: 0,
    y: 0,
    props: { what: 'Bomen planten', due: '2027-03-01', values: ['ecologisch'] },
  } as never)
  const pageId = PageRecordType.createId('road')
  const built = buildRoad(editor.getCurrentPageShapes(), {
    pageId,
    locale: 'nl',
    today: '2026-11-28',
  })
  editor.createPage({ id: pageId, name: 'De weg' })
  editor.createShapes(built.shapes)
  road = editor.getShape(built.roadId) as WtRoadShape
  ref = built.shapes.find((s) => s.type === 'wt-road-action')!
  milestone = built.shapes.find((s) => s.type === 'wt-milestone')!
})
afterEach(() => {
  editor.dispose()
})

const action = () => editor.getShape(ACTION)!.props as { due: string; horizon: string }
const xOf = (id: TLShapeId) => editor.getShape(id)!.x
const middle = (id: TLShapeId) => xOf(id) + (editor.getShape(id)!.props as { w: number }).w / 2

describe('the road and the cards in step', () => {
  it('moving a reference along the road writes the action’s due date and horizon', () => {
    editor.updateShape({ id: ref.id, type: ref.type, x: ref.x + 1200 } as never)
    const due = xToDate(road.props, middle(ref.id))!
    expect(action().due).toBe(due)
    expect(action().horizon).toBe(horizonOf(road.props.start, due))
    expect(action().horizon).toBe('middellang')
  })

  it('dropped in the tray, the action has no date and no horizon', () => {
    editor.updateShape({ id: ref.id, type: ref.type, x: 20 } as never)
    expect(action()).toMatchObject({ due: '', horizon: '' })
  })

  it('a due date typed on the card moves the reference there and sets the horizon', () => {
    editor.updateShape({ id: ACTION, type: 'wt-action', props: { due: '2030-06-01' } } as never)
    expect(middle(ref.id)).toBeCloseTo(dateToX(road.props, '2030-06-01'), 6)
    expect(action().horizon).toBe('lang')
  })

  it('an action with only a horizon stands in the middle of that stretch; with neither, in the tray', () => {
    editor.updateShape({
      id: ACTION,
      type: 'wt-action',
      props: { due: '', horizon: 'middellang' },
    } as never)
    expect(horizonOf(road.props.start, xToDate(road.props, middle(ref.id))!)).toBe('middellang')
    editor.updateShape({ id: ACTION, type: 'wt-action', props: { horizon: '' } } as never)
    expect(xToDate(road.props, middle(ref.id))).toBeNull()
  })

  it('a milestone moved along the road gets the date under its middle', () => {
    editor.updateShape({ id: milestone.id, type: milestone.type, x: milestone.x + 500 } as never)
    const props = editor.getShape(milestone.id)!.props as { due: string; horizon: string }
    expect(props.due).toBe(xToDate(road.props, middle(milestone.id)))
    expect(props.horizon).toBe(horizonOf(road.props.start, props.due))
  })

  it('leaves changes from other browsers alone: they synced their own', () => {
    const before = action().due
    editor.store.mergeRemoteChanges(() => {
      editor.store.put([{ ...editor.getShape(ref.id)!, x: ref.x + 900 }])
    })
    expect(action().due).toBe(before)
    editor.store.mergeRemoteChanges(() => {
      const card = editor.getShape(ACTION)!
      editor.store.put([{ ...card, props: { ...card.props, due: '2031-01-01' } } as TLShape])
    })
    expect(xOf(ref.id)).toBe(ref.x + 900)
  })
})

/** The references to an action card on the road, as the road shows them. */
const refsTo = (actionId: TLShapeId) =>
  editor
    .getSortedChildIdsForParent(road.id)
    .map((id) => editor.getShape(id)!)
    .filter(
      (s) => s.type === 'wt-road-action' && (s.props as { actionId: string }).actionId === actionId,
    )

/** An action card made by this person on the first page, as the palette makes one. */
function makeAction(props: Record<string, unknown>): TLShapeId {
  const id = createShapeId()
  editor.markHistoryStoppingPoint('make card')
  editor.createShape({
    id,
    type: 'wt-action',
    x: 400,
    y: 0,
    props: { what: 'Buurtfeest', ...props },
  } as never)
  return id
}

describe('an action card made after the road', () => {
  it('appears on the road at its due date, in a row where it covers no other card', () => {
    const id = makeAction({ due: '2027-03-20' })
    const [made] = refsTo(id)
    expect(refsTo(id)).toHaveLength(1)
    expect(middle(made!.id)).toBeCloseTo(dateToX(road.props, '2027-03-20'), 6)
    // Three weeks after the first action: it would cover it in the same row.
    expect(made!.y).toBeGreaterThanOrEqual(ref.y + ROAD_LAYOUT.action.h)
    const bottom = made!.y + ROAD_LAYOUT.action.h
    expect(editor.getShape<WtRoadShape>(road.id)!.props.h).toBeGreaterThan(bottom)
  })

  it('with only a horizon stands in the middle of that stretch; with neither, in the tray', () => {
    const later = makeAction({ horizon: 'lang' })
    expect(xToDate(road.props, middle(refsTo(later)[0]!.id))).toBe(horizonDate(road.props, 'lang'))
    const someday = makeAction({})
    expect(xToDate(road.props, middle(refsTo(someday)[0]!.id))).toBeNull()
  })

  it('goes away with the card in one undo, and comes back once with redo', () => {
    const id = makeAction({ due: '2028-01-01' })
    editor.undo()
    expect(editor.getShape(id)).toBeUndefined()
    expect(refsTo(id)).toHaveLength(0)
    editor.redo()
    expect(editor.getShape(id)).toBeDefined()
    expect(refsTo(id)).toHaveLength(1)
  })

  it('made in another browser, gets its reference from that browser, not a second one here', () => {
    const id = createShapeId()
    editor.store.mergeRemoteChanges(() => {
      editor.createShape({
        id,
        type: 'wt-action',
        x: 0,
        y: 0,
        props: { due: '2028-01-01' },
      } as never)
    })
    expect(refsTo(id)).toHaveLength(0)
  })
})

describe('a horizon chosen in the panel', () => {
  it('wins over the due date: the date moves to the middle of that horizon, the card with it', () => {
    editor.updateShape({ id: ACTION, type: 'wt-action', props: { horizon: 'lang' } } as never)
    expect(action().horizon).toBe('lang')
    expect(action().due).toBe(horizonDate(road.props, 'lang'))
    expect(middle(ref.id)).toBeCloseTo(dateToX(road.props, action().due), 6)
  })

  it('on a milestone too', () => {
    const before = milestone.props as { horizon: string }
    expect(before.horizon).toBe('kort')
    editor.updateShape({
      id: milestone.id,
      type: milestone.type,
      props: { horizon: 'lang' },
    } as never)
    const props = editor.getShape(milestone.id)!.props as { due: string; horizon: string }
    expect(props.horizon).toBe('lang')
    expect(props.due).toBe(horizonDate(road.props, 'lang'))
    expect(middle(milestone.id)).toBeCloseTo(dateToX(road.props, props.due), 6)
  })
})

describe('the palette on a board that has a road', () => {
  it('offers "Naar de weg", which shows that road, instead of making a second one', async () => {
    ;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
    useSession.setState({ locale: 'nl' })
    const host = document.createElement('div')
    document.body.appendChild(host)
    const root = createRoot(host)
    await act(async () => {
      root.render(
        createElement(EditorProvider, { editor, children: createElement(MakeRoadButton) }),
      )
    })
    const button = host.querySelector('button')!
    expect(button.textContent).toBe('Naar de weg')
    const pages = editor.getPages().length
    await act(async () => button.click())
    expect(editor.getPages()).toHaveLength(pages)
    expect(editor.getCurrentPageId()).toBe(editor.getAncestorPageId(road))
    expect(new URLSearchParams(window.location.search).get('view')).toBe('road')
    await act(async () => root.unmount())
    host.remove()
  })
})

describe('making the road again', () => {
  it('shows the road the board has, and makes no second one', () => {
    const pages = editor.getPages().length
    const roads = () => editor.getCurrentPageShapes().filter((s) => s.type === 'wt-road')
    expect(makeRoad(editor, 'nl', '2026-11-28')).toBe(editor.getAncestorPageId(road))
    expect(editor.getPages()).toHaveLength(pages)
    expect(roads()).toHaveLength(1)
  })
})
