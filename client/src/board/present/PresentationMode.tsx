import { PARTICIPANT_KINDS, translate } from '@wijktafel/shared'
import { ChevronLeft, ChevronRight, EyeOff, LayoutGrid, Users, X } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useEditor } from 'tldraw'
import { useT } from '../../app/useT'
import { Pictogram } from '../../shapes/common/Pictogram'
import { useSession } from '../../state/session'
import { useViewState } from '../view'
import { fill, leavePresentation, toggleNames } from './actions'
import { MapSwitch } from './MapSwitch'
import { Overview } from './Overview'
import { PresentTimer } from './PresentTimer'
import { sectionTitle } from './sections'
import { usePresentKeys } from './usePresentKeys'
import { usePresentation } from './usePresentation'
import { focusCss } from './focus'
import { NAMES_HIDDEN_CSS, useStillCanvas } from './useStillCanvas'
import './present.css'

/** Presentation mode when the link says `?view=present`; nothing otherwise. A child of <Tldraw>. */
export function PresentationLayer() {
  const { view } = useViewState()
  return view === 'present' ? <PresentationMode /> : null
}

const RESIDENT = PARTICIPANT_KINDS.find((k) => k.id === 'bewoner')!

/**
 * One section of the map at a time, large enough to read from the back of a room: the
 * section's pictogram and title on top, previous and next at the sides (and on the keys of a
 * presenter clicker), an overview of all sections, the meeting's timer, following the
 * facilitator, and residents' names hidden on request. Nothing can be edited or dragged.
 */
function PresentationMode() {
  const editor = useEditor()
  const t = useT()
  const locale = useSession((s) => s.locale)
  const { namesHidden } = useViewState()
  const p = usePresentation(editor)
  const [overview, setOverview] = useState(false)
  useStillCanvas(editor, namesHidden, translate(locale, RESIDENT.label))
  usePresentKeys({
    next: () => p.step(1),
    previous: () => p.step(-1),
    first: p.first,
    last: p.last,
    overview: () => setOverview((o) => !o),
    escape: () => (overview ? setOverview(false) : leavePresentation()),
  })

  // A page without sections opens on its overview; so does a phone with nothing shown yet.
  useEffect(() => {
    if (p.index < 0) setOverview(false)
  }, [p.index])

  const { section, index, sections, layout } = p
  const title = section ? sectionTitle(section, namesHidden) : t('present.empty')
  const position = index >= 0 ? `${index + 1} / ${sections.length}` : ''
  const partLabel = p.parts > 1 ? fill(t('present.part'), { n: p.part + 1, count: p.parts }) : ''
  const atStart = index <= 0 && p.part === 0
  const atEnd = index === sections.length - 1 && p.part >= p.parts - 1

  const prevButton = (
    <button
      type="button"
      className="wt-present__step wt-present__step--prev"
      onClick={() => p.step(-1)}
      disabled={atStart}
      aria-label={t('present.previous')}
      title={t('present.previous')}
    >
      <ChevronLeft
        aria-hidden="true"
        size={layout.phone ? 32 : 56}
        strokeWidth={3}
        className="wt-flip-rtl"
      />
    </button>
  )
  const nextButton = (
    <button
      type="button"
      className="wt-present__step wt-present__step--next"
      onClick={() => p.step(1)}
      disabled={atEnd || index < 0}
      aria-label={t('present.next')}
      title={t('present.next')}
    >
      <ChevronRight
        aria-hidden="true"
        size={layout.phone ? 32 : 56}
        strokeWidth={3}
        className="wt-flip-rtl"
      />
    </button>
  )
  const tools = (
    <>
      <button
        type="button"
        className="wt-present__tool"
        onClick={() => setOverview(true)}
        aria-label={t('present.overview')}
        title={t('present.overview')}
      >
        <LayoutGrid aria-hidden="true" size={28} />
        {layout.phone ? null : <span>{t('present.overview')}</span>}
      </button>
      <button
        type="button"
        className="wt-present__tool"
        onClick={toggleNames}
        aria-pressed={namesHidden}
        aria-label={t('present.names.hide')}
        title={namesHidden ? t('present.names.show') : t('present.names.hide')}
        data-testid="present-names"
      >
        {namesHidden ? (
          <EyeOff aria-hidden="true" size={28} />
        ) : (
          <Users aria-hidden="true" size={28} />
        )}
        {layout.phone ? null : <span>{t('present.names.hide')}</span>}
      </button>
      <button
        type="button"
        className="wt-present__tool"
        onClick={leavePresentation}
        aria-label={t('present.leave')}
        title={t('present.leave')}
        data-testid="present-leave"
      >
        <X aria-hidden="true" size={28} />
        {layout.phone ? null : <span>{t('present.leave')}</span>}
      </button>
    </>
  )

  return (
    <div
      className={`wt-present${layout.phone ? ' wt-present--phone' : ''}`}
      data-testid="presentation"
      data-section={section?.ref.shapeId ?? ''}
      data-part={p.part}
      data-cards={section?.cards.length ?? 0}
      data-leader-section={p.leaderSection ?? ''}
    >
      <style>{NAMES_HIDDEN_CSS + focusCss(p.shown)}</style>
      <header className="wt-present__top">
        {section?.icon ? (
          <span className="wt-present__icon">
            <Pictogram name={section.icon} size={layout.phone ? 32 : 52} />
          </span>
        ) : null}
        <h1 className="wt-present__title" data-testid="present-title">
          {title}
        </h1>
        {partLabel ? <span className="wt-present__part">{partLabel}</span> : null}
        <span
          className="wt-present__position"
          aria-label={
            index >= 0 ? fill(t('present.position'), { n: index + 1, count: sections.length }) : ''
          }
          data-testid="present-position"
        >
          {position}
        </span>
        <PresentTimer large={!layout.phone} />
      </header>

      {layout.phone ? null : prevButton}
      {layout.phone ? null : nextButton}

      <footer className="wt-present__bottom">
        {layout.phone ? prevButton : null}
        {layout.phone ? null : <MapSwitch editor={editor} pageId={p.pageId} onPick={p.showPage} />}
        {p.following ? (
          <span className="wt-present__follow" data-testid="present-following">
            {fill(t('present.follow.on'), { name: p.leaderName })}
          </span>
        ) : null}
        {p.canRejoin ? (
          <button
            type="button"
            className="wt-present__rejoin"
            onClick={p.rejoin}
            data-testid="present-rejoin"
          >
            {t('present.follow.rejoin')}
          </button>
        ) : null}
        <div className="wt-present__tools">{tools}</div>
        {layout.phone ? nextButton : null}
      </footer>

      {overview ? (
        <Overview
          editor={editor}
          sections={sections}
          current={index}
          pageId={p.pageId}
          namesHidden={namesHidden}
          onPick={(i) => {
            p.goTo(i)
            setOverview(false)
          }}
          onPage={p.showPage}
          onClose={() => setOverview(false)}
        />
      ) : null}
    </div>
  )
}
