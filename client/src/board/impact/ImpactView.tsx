import { translate, type MessageKey } from '@wijktafel/shared'
import { ClipboardCheck, ImageDown, Map as MapIcon, Sparkles } from 'lucide-react'
import { useEffect, useRef, useState } from 'react'
import { CoverStatus } from '../BoardStatus'
import { CoverPage } from '../CoverPage'
import { useEditor } from 'tldraw'
import { useSession } from '../../state/session'
import { setViewState, useViewState } from '../view'
import { ActionImpact } from './ActionImpact'
import { LatestRound, RoundsCompare } from './EvaluationsSection'
import { InfographicDialog } from './infographic/InfographicDialog'
import { useImpact, useImpactActions } from './useImpact'
import { openMeasurementForm, setRoundsOpen } from './impactStore'
import { useImpactSummary } from './useImpactSummary'
import { ValuesSummary } from './ValuesSummary'
import './impact.css'

/** The impact overview when the link says `?view=impact`; nothing otherwise. A child of <Tldraw>. */
export function ImpactLayer() {
  const { view } = useViewState()
  return view === 'impact' ? <ImpactView /> : null
}

type T = (key: MessageKey) => string

const leave = () => setViewState({ view: 'canvas' })

/**
 * Dazo step 8 on one page for people who read little, live [1]: the dream, then per action
 * start → now → goal with the number large, a progress bar and the measurements as a small
 * chart; the values the actions create, grouped by kind; the latest evaluation's lessons and
 * bottlenecks; two evaluations side by side. Anyone who may edit adds a measurement from here
 * (the form is H8's, MeasurementLayer); "Infographic" saves it all as one picture.
 */
function ImpactView() {
  const editor = useEditor()
  const locale = useSession((s) => s.locale)
  const t: T = (key) => translate(locale, key)
  const { namesHidden } = useViewState()
  const summary = useImpactSummary()
  const impact = useImpact()
  const actions = useImpactActions()
  const [infographic, setInfographic] = useState(false)
  const heading = useRef<HTMLHeadingElement>(null)

  // The canvas keeps no keyboard focus under the page: its shortcuts stay quiet [2].
  useEffect(() => {
    editor.updateInstanceState({ isFocused: false })
    editor.selectNone()
    heading.current?.focus()
    return () => {
      editor.focus()
    }
  }, [editor])

  const onMeasure = actions
    ? (actionId: string, indicatorId: string) => openMeasurementForm({ actionId, indicatorId })
    : undefined

  return (
    <CoverPage className="wt-impact" testId="impact-view" onLeave={leave}>
      <header className="wt-impact__bar">
        <h1 className="wt-impact__title" tabIndex={-1} ref={heading}>
          {t('impact.view.title')}
          <span className="wt-impact__board">{summary.title}</span>
        </h1>
        <CoverStatus view="impact" title={false} />
        <div className="wt-impact__tools">
          {actions && (
            <button
              type="button"
              className="wt-impact__button"
              onClick={() => setRoundsOpen(true)}
              title={t('impact.rounds.open')}
              data-testid="impact-rounds"
            >
              <ClipboardCheck aria-hidden="true" size={22} />
              <span>{t('impact.rounds.open')}</span>
            </button>
          )}
          <button
            type="button"
            className="wt-impact__button wt-impact__button--primary"
            onClick={() => setInfographic(true)}
            title={t('impact.infographic')}
            data-testid="impact-infographic"
          >
            <ImageDown aria-hidden="true" size={22} />
            <span>{t('impact.infographic')}</span>
          </button>
          <button
            type="button"
            className="wt-impact__button"
            onClick={leave}
            title={t('impact.view.back')}
            data-testid="impact-back"
          >
            <MapIcon aria-hidden="true" size={22} />
            <span>{t('impact.view.back')}</span>
          </button>
        </div>
      </header>
      <main className="wt-impact__main">
        {summary.dream && (
          <p className="wt-impact-dream">
            <span className="wt-impact-dream__icon">
              <Sparkles aria-hidden="true" size={30} />
            </span>
            <span>{summary.dream}</span>
          </p>
        )}
        {summary.actions.length === 0 ? (
          <p className="wt-impact-muted">{t('impact.noActions')}</p>
        ) : (
          <div className="wt-impact-actions">
            {summary.actions.map((action) => (
              <ActionImpact
                key={action.id}
                action={action}
                t={t}
                locale={locale}
                namesHidden={namesHidden}
                onMeasure={onMeasure}
              />
            ))}
          </div>
        )}
        <ValuesSummary summary={summary} t={t} locale={locale} />
        <LatestRound summary={summary} t={t} locale={locale} />
        <RoundsCompare summary={summary} impact={impact} t={t} locale={locale} />
      </main>
      <InfographicDialog open={infographic} onClose={() => setInfographic(false)} />
    </CoverPage>
  )
}

// [1] Rendered into document.body like the outline (client/src/board/outline/OutlineView.tsx
//     [1]): tldraw's key, pointer and wheel listeners never see this page's events, so it
//     scrolls with a finger or a wheel; React context (the editor) reaches it through the
//     portal. The numbers come from the same shared model as the cards' goal blocks.
// [2] Not `inert` on the board as the outline does: the measurement form and the rounds
//     panel are modal dialogs inside the board (MeasurementLayer), and they must work here.
