import { findCard, translate, type MessageKey } from '@wijktafel/shared'
import { Map as MapIcon, Plus } from 'lucide-react'
import { memo, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react'
import { CoverStatus } from '../BoardStatus'
import { CoverPage } from '../CoverPage'
import { useEditor, useValue, type TLPageId, type TLShapeId } from 'tldraw'
import { Swatch } from '../../shapes/common/Choices'
import { Pictogram } from '../../shapes/common/Pictogram'
import { useSession } from '../../state/session'
import { fill } from '../present/actions'
import { setViewState, useViewState } from '../view'
import { addCardFromOutline } from './addCard'
import { OutlineCard } from './OutlineCard'
import { outlineOf, type AddTarget, type OutlineMap, type OutlineSection } from './outlineModel'
import { useAnnouncements } from './useAnnouncements'
import './outline.css'

/** The outline when the link says `?view=outline`; nothing otherwise. A child of <Tldraw>. */
export function OutlineLayer() {
  const { view } = useViewState()
  return view === 'outline' ? <OutlineView /> : null
}

type T = (key: MessageKey) => string
type OnAdd = (pageId: TLPageId, target: AddTarget) => void

const leave = () => setViewState({ view: 'canvas' })

/**
 * The board as a structured, live list over the whole screen [1]: one heading per map, its
 * sections in reading order, each card with its pictogram, label and fields. People add, change
 * and remove cards here as on the canvas; viewers read. Others' changes are told in a polite
 * live region. "Naar de kaart" or Escape goes back to the canvas.
 */
function OutlineView() {
  const editor = useEditor()
  const locale = useSession((s) => s.locale)
  const t: T = (key) => translate(locale, key)
  const readonly = useValue('outline readonly', () => editor.getIsReadonly(), [editor])
  // Compared as text: a card's typing changes no structure, so the list does not re-render.
  const json = useValue('outline', () => JSON.stringify(outlineOf(editor, locale)), [
    editor,
    locale,
  ])
  const maps = useMemo(() => JSON.parse(json) as OutlineMap[], [json])
  const announcement = useAnnouncements(editor, locale)
  const heading = useRef<HTMLHeadingElement>(null)
  const [focusCard, setFocusCard] = useState<TLShapeId | null>(null)

  // The canvas and tldraw's menus are out of reach (no tab stops, no shortcuts) while the
  // outline covers them; leaving gives the canvas its focus back [2].
  useEffect(() => {
    const board = editor.getContainer().closest<HTMLElement>('.wt-board') ?? editor.getContainer()
    board.inert = true
    editor.updateInstanceState({ isFocused: false })
    heading.current?.focus()
    return () => {
      board.inert = false
      editor.focus()
    }
  }, [editor])

  // A card just added: its first field takes the focus once it is in the list.
  useEffect(() => {
    if (!focusCard) return
    const field = document.querySelector<HTMLElement>(
      `[data-card-id="${focusCard}"] input, [data-card-id="${focusCard}"] textarea`,
    )
    if (!field) return
    field.focus()
    field.scrollIntoView({ block: 'center' })
    setFocusCard(null)
  })

  const onAdd: OnAdd = (pageId, target) => {
    const id = addCardFromOutline(editor, pageId, target)
    if (id) setFocusCard(id)
  }

  return (
    <CoverPage
      className="wt-outline"
      testId="outline"
      attributes={{ 'data-readonly': readonly }}
      onLeave={leave}
    >
      <header className="wt-outline__bar">
        <h1 className="wt-outline__title" tabIndex={-1} ref={heading}>
          {t('outline.title')}
        </h1>
        <CoverStatus view="outline" />
        <button
          type="button"
          className="wt-outline__button wt-outline__back"
          onClick={leave}
          data-testid="outline-back"
        >
          <MapIcon aria-hidden="true" size={22} />
          <span>{t('outline.back')}</span>
        </button>
      </header>
      <p className="wt-outline__live" role="status" aria-live="polite" data-testid="outline-live">
        {announcement}
      </p>
      <main className="wt-outline__main">
        {readonly ? <p className="wt-outline__readonly">{t('outline.readonly')}</p> : null}
        {maps.map((map) => (
          <MapView key={map.pageId} map={map} readonly={readonly} t={t} onAdd={onAdd} />
        ))}
      </main>
    </CoverPage>
  )
}

const MapView = memo(function MapView({
  map,
  readonly,
  t,
  onAdd,
}: {
  map: OutlineMap
  readonly: boolean
  t: T
  onAdd: OnAdd
}) {
  const id = useId()
  // "Deelnemer toevoegen" after the last participant (or the centre, before any).
  const lastParticipant = map.sections.findLastIndex((s) => s.kind === 'participant')
  const addAfter =
    lastParticipant >= 0 ? lastParticipant : map.sections.findIndex((s) => s.kind === 'centre')
  const addParticipant =
    map.addParticipant && !readonly ? (
      <AddButton
        key="add-participant"
        label={t('outline.addParticipant')}
        look={findCard(map.addParticipant.type)!}
        onClick={() => onAdd(map.pageId, map.addParticipant!)}
        testId="outline-add-participant"
      />
    ) : null
  const sections: ReactNode[] = []
  map.sections.forEach((s, i) => {
    sections.push(
      <SectionView
        key={s.id}
        section={s}
        pageId={map.pageId}
        readonly={readonly}
        t={t}
        onAdd={onAdd}
      />,
    )
    if (i === addAfter) sections.push(addParticipant)
  })
  if (addAfter < 0) sections.push(addParticipant)
  return (
    <section className="wt-outline__map" aria-labelledby={id}>
      <h2 id={id}>{map.name}</h2>
      {map.sections.length === 0 && map.loose.length === 0 ? (
        <p className="wt-outline__empty">{t('outline.empty')}</p>
      ) : null}
      {sections}
      {map.loose.length ? (
        <section className="wt-outline__section">
          <h3 tabIndex={-1}>{t('outline.other')}</h3>
          <CardList ids={map.loose} readonly={readonly} />
        </section>
      ) : null}
    </section>
  )
})

const SectionView = memo(function SectionView({
  section,
  pageId,
  readonly,
  t,
  onAdd,
}: {
  section: OutlineSection
  pageId: TLPageId
  readonly: boolean
  t: T
  onAdd: OnAdd
}) {
  const id = useId()
  const add = section.add && !readonly ? section.add : undefined
  const addCard = add ? findCard(add.type) : undefined
  return (
    <section
      className={`wt-outline__section wt-outline__section--${section.kind}`}
      aria-labelledby={id}
      data-section={section.id}
    >
      <h3 id={id} tabIndex={-1}>
        {section.icon ? <Pictogram name={section.icon} size={26} /> : null}
        <span>{section.title || t('outline.empty')}</span>
      </h3>
      {section.participant ? (
        <OutlineCard id={section.participant as TLShapeId} readonly={readonly} />
      ) : null}
      {section.categories?.map((c) => (
        <div className="wt-outline__category" key={c.category.id}>
          <h4 tabIndex={-1}>
            <Swatch choice={c.category} size={22} />
            <span>{t(c.category.label)}</span>
          </h4>
          <CardList ids={c.cards} readonly={readonly} ownerId={section.participant as TLShapeId} />
          {readonly ? null : (
            <AddButton
              label={t('outline.addInterest')}
              ariaLabel={fill(t('outline.addInterest.label'), {
                category: t(c.category.label),
                name: section.title,
              })}
              look={c.category}
              onClick={() => onAdd(pageId, c.add)}
              testId={`outline-add-${c.category.id}`}
            />
          )}
        </div>
      ))}
      {section.cards.length || !section.categories ? (
        <CardList ids={section.cards} readonly={readonly} empty={t('outline.empty')} />
      ) : null}
      {add && addCard ? (
        <AddButton
          label={fill(t('outline.addCard'), { kind: t(addCard.label) })}
          ariaLabel={fill(t('outline.addCard.label'), {
            kind: t(addCard.label),
            section: section.title,
          })}
          look={addCard}
          onClick={() => onAdd(pageId, add)}
        />
      ) : null}
    </section>
  )
})

function CardList({
  ids,
  readonly,
  ownerId,
  empty,
}: {
  ids: readonly string[]
  readonly: boolean
  ownerId?: TLShapeId
  empty?: string
}) {
  if (ids.length === 0) return empty ? <p className="wt-outline__empty">{empty}</p> : null
  return (
    <ul className="wt-outline__cards">
      {ids.map((id) => (
        <li key={id}>
          <OutlineCard id={id as TLShapeId} readonly={readonly} ownerId={ownerId} />
        </li>
      ))}
    </ul>
  )
}

function AddButton({
  label,
  ariaLabel,
  look,
  onClick,
  testId,
}: {
  label: string
  ariaLabel?: string
  look: Parameters<typeof Swatch>[0]['choice']
  onClick: () => void
  testId?: string
}) {
  return (
    <button
      type="button"
      className="wt-outline__button wt-outline__add"
      aria-label={ariaLabel}
      onClick={onClick}
      data-testid={testId}
    >
      <Plus aria-hidden="true" size={20} strokeWidth={3} />
      <Swatch choice={look} size={20} />
      <span>{label}</span>
    </button>
  )
}

// [1] Rendered into document.body, outside tldraw's container: tldraw's own key and pointer
//     listeners on its container never see the outline's events. React context (the editor)
//     still reaches it through the portal.
// [2] `inert` takes the board (canvas, menus, our panels) out of the tab order and the
//     accessibility tree. tldraw's shortcuts also check the editor's focus, so it is blurred.
// [3] React events bubble through the portal to tldraw's React parents; they stop here.
