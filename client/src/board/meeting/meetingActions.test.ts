import { readMeeting, voteTotals, YDOC_MEETING, type SectionRef } from '@wijktafel/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createMeetingActions, type FacilitatorActions } from './meetingActions'

const section: SectionRef = { pageId: 'page:map', shapeId: 'shape:zone1' }
const state = (doc: Y.Doc) => readMeeting(doc.getMap(YDOC_MEETING).entries())

function setup() {
  const doc = new Y.Doc()
  let time = 1_000_000
  const now = () => time
  const lead = createMeetingActions(doc, { id: 'f-1', name: 'Fatima', role: 'facilitator' }, now)
  const editor = createMeetingActions(doc, { id: 'e-1', name: 'Eva', role: 'editor' }, now)
  return {
    doc,
    lead: lead as FacilitatorActions,
    editor: editor!,
    tick: (ms: number) => (time += ms),
  }
}

describe('meeting actions', () => {
  it('gives a viewer nothing and an editor only dots', () => {
    const { doc, editor } = setup()
    expect(createMeetingActions(doc, { id: 'v', name: 'V', role: 'viewer' })).toBeNull()
    expect(editor.role).toBe('editor')
    expect('startFollow' in editor).toBe(false)
  })

  it('starts, steps and stops following, each in one transaction', () => {
    const { doc, lead } = setup()
    let transactions = 0
    doc.on('afterTransaction', () => transactions++)
    expect(lead.setFollowSection(section)).toBe(false) // nobody follows yet
    expect(lead.startFollow(null)).toBe(true)
    expect(lead.setFollowSection(section)).toBe(true)
    expect(state(doc).follow).toMatchObject({ leaderId: 'f-1', name: 'Fatima', section })
    expect(transactions).toBe(2)
    expect(lead.stopFollow()).toBe(true)
    expect(state(doc).follow).toBeNull()
  })

  it('counts down from a shared end time, pauses, resumes and adds time', () => {
    const { doc, lead, tick } = setup()
    lead.startTimer(3 * 60_000)
    expect(state(doc).timer).toEqual({ durationMs: 180_000, endsAt: 1_180_000 })
    tick(60_000)
    lead.pauseTimer()
    expect(state(doc).timer).toEqual({ durationMs: 180_000, remainingMs: 120_000 })
    lead.addTime(60_000)
    expect(state(doc).timer).toEqual({ durationMs: 240_000, remainingMs: 180_000 })
    tick(10_000)
    lead.resumeTimer()
    expect(state(doc).timer).toEqual({ durationMs: 240_000, endsAt: 1_070_000 + 180_000 })
    lead.stopTimer()
    expect(state(doc).timer).toBeNull()
  })

  it('writes nothing the validators refuse', () => {
    const { doc, lead } = setup()
    expect(lead.startTimer(10)).toBe(false) // under a second
    expect(lead.openVote(section, 11)).toBe(false)
    expect(lead.openVote({ pageId: 'nope', shapeId: 'shape:x' }, 3)).toBe(false)
    expect(doc.getMap(YDOC_MEETING).size).toBe(0)
  })

  it('lets a person place their dots up to the allowance, hidden until reveal, then stops', () => {
    const { doc, lead, editor } = setup()
    expect(editor.placeDot('shape:a')).toBe(false) // no vote open
    lead.openVote(section, 2)
    expect(editor.placeDot('shape:a')).toBe(true)
    expect(editor.placeDot('shape:a')).toBe(true)
    expect(editor.placeDot('shape:b')).toBe(false) // no dots left
    expect(editor.removeDot('shape:a')).toBe(true)
    expect(editor.placeDot('shape:b')).toBe(true)
    expect(lead.placeDot('shape:b')).toBe(true)
    expect(voteTotals(state(doc))).toEqual(
      new Map([
        ['shape:a', 1],
        ['shape:b', 2],
      ]),
    )
    lead.revealVote()
    expect(state(doc).vote?.revealed).toBe(true)
    expect(editor.placeDot('shape:a')).toBe(false)
    expect(lead.clearVote()).toBe(true)
    expect(doc.getMap(YDOC_MEETING).size).toBe(0)
  })

  it('a new vote starts without the ballots of the last', () => {
    const { doc, lead, editor } = setup()
    lead.openVote(section, 3)
    editor.placeDot('shape:a')
    lead.openVote(section, 3)
    expect(state(doc).ballots).toEqual({})
    expect(editor.placeDot('shape:b')).toBe(true)
    expect(state(doc).ballots['e-1']?.cards).toEqual(['shape:b'])
  })
})
