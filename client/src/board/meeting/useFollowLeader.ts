import { useEffect, useRef } from 'react'
import { createUserId, useValue, type Editor, type TLUserId } from 'tldraw'
import { useMeetingStore } from './meetingStore'

/** The tldraw user id of the person everyone follows, unless that is me; else null. */
export function useLeaderUserId(enabled = true): TLUserId | null {
  return useMeetingStore((s) => {
    const follow = s.meeting.follow
    if (!enabled || !follow || !s.me || follow.leaderId === s.me.id) return null
    return createUserId(follow.leaderId)
  })
}

/** The leader is in the room (their presence, with their camera, reached us). */
export function useLeaderHere(editor: Editor, leader: TLUserId | null): boolean {
  return useValue(
    'leader here',
    () => !!leader && editor.getCollaborators().some((c) => c.userId === leader),
    [editor, leader],
  )
}

/** This person follows the leader's camera right now. */
export function useFollowingLeader(editor: Editor, leader: TLUserId | null): boolean {
  return useValue(
    'following leader',
    () => !!leader && editor.getInstanceState().followingUserId === leader,
    [editor, leader],
  )
}

/**
 * "Iedereen volgt mij" on a follower's screen: when the facilitator asks (or when this person
 * arrives or reloads while they ask), start tldraw's own following of their camera, once per
 * request. Panning or zooming stops it (tldraw does); the follow bar offers to follow again.
 * When the request ends, following ends too [1].
 */
export function useFollowLeader(editor: Editor, enabled = true): void {
  const leader = useLeaderUserId(enabled)
  const since = useMeetingStore((s) => s.meeting.follow?.since ?? null)
  const here = useLeaderHere(editor, leader)
  const startedFor = useRef<string | null>(null)

  useEffect(() => {
    if (!leader || since === null || !here) return
    const request = `${leader} ${since}`
    if (startedFor.current === request) return
    startedFor.current = request
    editor.startFollowingUser(leader)
  }, [editor, leader, since, here])

  useEffect(() => {
    if (leader) return
    if (startedFor.current !== null && editor.getInstanceState().followingUserId) {
      editor.stopFollowingUser()
    }
    startedFor.current = null
  }, [editor, leader])
}

// [1] Once per request, not whenever following stops: a person who stepped out to look at
//     something else stays out until they tap "Volg weer" or the facilitator asks again.
//     The request's `since` tells a new request from the same one seen again after a reload
//     of the facilitator's page; this page's own reload starts following again, as it should.
