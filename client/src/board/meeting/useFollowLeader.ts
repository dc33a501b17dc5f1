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
 * Start (or take up again) following the leader's section: tldraw's "following" flag on,
 * which everyone sees in the participants list, without tldraw's chase of the leader's
 * camera; useSectionFollowing.ts moves the camera instead [3].
 */
export function followSection(editor: Editor, leader: TLUserId): void {
  editor.run(
    () => {
      editor.stopFollowingUser() // ends a camera chase, if one runs
      editor.updateInstanceState({ followingUserId: leader })
    },
    { history: 'ignore' },
  )
}

/** "Volg weer": the leader's section when they show one, else their camera. */
export function followAgain(editor: Editor, leader: TLUserId): void {
  if (useMeetingStore.getState().meeting.follow?.section) followSection(editor, leader)
  else editor.startFollowingUser(leader)
}

/**
 * "Iedereen volgt mij" on a follower's screen: when the facilitator asks (or when this person
 * arrives or reloads while they ask), start following, once per request: the section the
 * facilitator shows, fitted to this screen (useSectionFollowing), or without a section
 * tldraw's own following of their camera. Panning or zooming stops it; the follow bar offers
 * to follow again. When the request ends, following ends too [1].
 */
export function useFollowLeader(editor: Editor, enabled = true): void {
  const leader = useLeaderUserId(enabled)
  const since = useMeetingStore((s) => s.meeting.follow?.since ?? null)
  const hasSection = useMeetingStore((s) => !!s.meeting.follow?.section)
  const here = useLeaderHere(editor, leader)
  const startedFor = useRef<string | null>(null)

  useEffect(() => {
    if (!leader || since === null || !(here || hasSection)) return
    const request = `${leader} ${since}`
    if (startedFor.current === request) return
    startedFor.current = request
    if (hasSection) followSection(editor, leader)
    else editor.startFollowingUser(leader)
  }, [editor, leader, since, here, hasSection])

  // The facilitator goes from a section back to their free view: a follower who follows
  // goes on with their camera [2].
  useEffect(() => {
    if (!leader || hasSection || !here) return
    if (editor.getInstanceState().followingUserId === leader) editor.startFollowingUser(leader)
  }, [editor, leader, hasSection, here])

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
// [2] With a section, useSectionFollowing keeps the flag on and the camera on the section;
//     from a section to none, tldraw's chase of the camera has to be started. Running this
//     again while tldraw already chases only restarts the chase from where the camera is.
// [3] tldraw's following chases the leader's whole viewport, which on a phone is about zoom
//     0.17 (card text 3 px). Its instance flag alone moves nothing: the chase is started only
//     by startFollowingUser. The flag goes into this person's presence, so the participants
//     list says "volgt Marieke" as with camera following, and tldraw shows its coloured
//     frame and "Stop met volgen" as it does then.
