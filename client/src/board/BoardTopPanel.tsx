import { useState } from 'react'
import { LanguageSwitch } from '../app/LanguageSwitch'
import { useBoard } from './BoardContext'
import { ConnectionMessages, RoleChip } from './BoardStatus'
import { ConnectionBadge } from './ConnectionBadge'
import { MeetingBar } from './meeting/MeetingBar'
import { BoardMenu } from './record/BoardMenu'
import { useViewState } from './view'
import { ViewSwitch } from './ViewSwitch'
import './topPanel.css'

/**
 * The board's title, your role and the connection state, centred above the canvas, then the
 * views, the meeting, keeping and the language; with them the notices about the connection
 * and the dialog when this tab can no longer save. On a phone the panel has a row of its own
 * under tldraw's menu and Delen: first who and where, then the buttons (styles.css) [1].
 */
export function BoardTopPanel() {
  const { info } = useBoard()
  const { view } = useViewState()
  // A long title is cut off with an ellipsis; a tap shows it whole (no hover on a phone).
  const [wholeTitle, setWholeTitle] = useState(false)
  return (
    <div className="wt-toppanel" data-testid="top-panel">
      <h1 className={`wt-toppanel__title${wholeTitle ? ' wt-toppanel__title--whole' : ''}`}>
        <button
          type="button"
          className="wt-toppanel__titlebutton"
          // A Dutch title on an Arabic page keeps its own direction, and is cut at its end.
          dir="auto"
          title={info.title}
          onClick={() => setWholeTitle((w) => !w)}
        >
          {info.title}
        </button>
      </h1>
      <RoleChip />
      <ConnectionBadge />
      <span className="wt-toppanel__break" aria-hidden="true" />
      <ViewSwitch />
      <MeetingBar />
      <BoardMenu />
      <LanguageSwitch small />
      <ConnectionMessages view={view} by="panel" />
    </div>
  )
}

// [1] Every control here is at least 44 px on a phone (tests/e2e/phone.test.ts measures it);
//     the follow bar (MeetingBar) takes a full row of its own at the end.
