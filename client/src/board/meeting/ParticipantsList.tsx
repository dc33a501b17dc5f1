import type { Role } from '@wijktafel/shared'
import { Eye, Footprints, Pencil, Presentation } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useEditor, useValue, type TLInstancePresence } from 'tldraw'
import { useT } from '../../app/useT'
import { useSession } from '../../state/session'
import { useBoard } from '../BoardContext'
import { presenceIdFor, ROLE_FIELD } from '../sync/presence'

const ROLE_ICON = { facilitator: Presentation, editor: Pencil, viewer: Eye } as const

/** The role each client published with its presence, by presence record id; live. */
function useRoles(): Map<string, Role> {
  const { sync } = useBoard()
  const awareness = sync.room?.awareness
  const [roles, setRoles] = useState(() => new Map<string, Role>())
  useEffect(() => {
    if (!awareness) return
    const read = () => {
      const next = new Map<string, Role>()
      for (const [clientId, state] of awareness.getStates()) {
        const role = (state as Record<string, unknown>)[ROLE_FIELD]
        if (role === 'facilitator' || role === 'editor' || role === 'viewer') {
          next.set(presenceIdFor(clientId), role)
        }
      }
      setRoles(next)
    }
    read()
    awareness.on('change', read)
    return () => awareness.off('change', read)
  }, [awareness])
  return roles
}

/**
 * Everyone in the room: name, colour and role, and whom they follow. Tapping someone takes
 * you to what they see. You are first.
 */
export function ParticipantsList({ onGo }: { onGo: () => void }) {
  const editor = useEditor()
  const t = useT()
  const { info } = useBoard()
  const me = useSession((s) => s.user)
  const roles = useRoles()
  const others = useValue('collaborators', () => editor.getCollaborators(), [editor])
  const names = new Map<string, string>([[`user:${me.id}`, me.name]])
  for (const p of others) names.set(p.userId, p.userName)
  const noName = t('meeting.people.noName')
  const follows = (p: Pick<TLInstancePresence, 'followingUserId'>) =>
    p.followingUserId
      ? t('meeting.people.follows').replace('{name}', names.get(p.followingUserId) || noName)
      : null
  const myFollowing = useValue('my following', () => editor.getInstanceState().followingUserId, [
    editor,
  ])

  return (
    <ul className="wt-people" data-testid="participants">
      <li className="wt-person wt-person--me">
        <Person
          name={`${me.name || noName} (${t('meeting.people.you')})`}
          color={me.color}
          role={info.role}
          follows={follows({ followingUserId: myFollowing })}
          t={t}
        />
      </li>
      {others.map((p) => (
        <li key={p.id} className="wt-person">
          <button
            type="button"
            className="wt-person__go"
            aria-label={t('meeting.people.goTo').replace('{name}', p.userName || noName)}
            onClick={() => {
              editor.zoomToUser(p.userId)
              onGo()
            }}
          >
            <Person
              name={p.userName || noName}
              color={p.color}
              role={roles.get(p.id)}
              follows={follows(p)}
              t={t}
            />
          </button>
        </li>
      ))}
      {others.length === 0 ? (
        <li className="wt-people__alone">{t('meeting.people.alone')}</li>
      ) : null}
    </ul>
  )
}

function Person({
  name,
  color,
  role,
  follows,
  t,
}: {
  name: string
  color: string
  role: Role | undefined
  follows: string | null
  t: ReturnType<typeof useT>
}) {
  const Icon = role ? ROLE_ICON[role] : null
  return (
    <>
      <span className="wt-person__dot" style={{ background: color }} aria-hidden="true" />
      <span className="wt-person__text">
        <span className="wt-person__name">{name}</span>
        {follows ? (
          <span className="wt-person__follows">
            <Footprints aria-hidden="true" size={14} /> {follows}
          </span>
        ) : null}
      </span>
      {role && Icon ? (
        <span className={`wt-role wt-role--${role}`}>
          <Icon aria-hidden="true" size={16} />
          {role === 'viewer' ? t('status.readOnly') : t(`role.${role}`)}
        </span>
      ) : null}
    </>
  )
}
