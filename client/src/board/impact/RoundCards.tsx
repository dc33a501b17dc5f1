import {
  CARD_GAP,
  findCard,
  PAD,
  ZONE_HEADER,
  ZONE_SHAPE,
  type EvaluationRound,
} from '@wijktafel/shared'
import { Plus } from 'lucide-react'
import { useMemo, useState } from 'react'
import { createShapeId, useEditor, useValue, type Editor, type TLShape } from 'tldraw'
import { useT } from '../../app/useT'
import { Pictogram } from '../../shapes/common/Pictogram'

type RoundCardType = 'wt-lesson' | 'wt-bottleneck'
const SECTION: Record<RoundCardType, string> = {
  'wt-lesson': 'lessons',
  'wt-bottleneck': 'bottlenecks',
}

/**
 * Lessons and bottlenecks that come up in a round: typed here, put on the board in the
 * partnerschapskaart's lessons or bottlenecks section with the round's id (their `roundId`),
 * so the impact view shows them under that round.
 */
export function RoundCards({ round }: { round: EvaluationRound }) {
  const t = useT()
  const editor = useEditor()
  const [text, setText] = useState('')
  const [added, setAdded] = useState(false)
  const query = useMemo(
    () =>
      editor.store.query.records('shape', () => ({
        type: { eq: 'wt-lesson' as const },
      })),
    [editor],
  )
  const bottlenecks = useMemo(
    () => editor.store.query.records('shape', () => ({ type: { eq: 'wt-bottleneck' as const } })),
    [editor],
  )
  const mine = useValue(
    'wt round cards',
    () =>
      [...query.get(), ...bottlenecks.get()].filter(
        (s) => (s.props as { roundId?: string }).roundId === round.id,
      ),
    [query, bottlenecks, round.id],
  )
  const add = (type: RoundCardType) => {
    if (text.trim() === '') return
    if (addRoundCard(editor, type, text.trim(), round)) {
      setText('')
      setAdded(true)
    }
  }
  return (
    <section className="wt-stepper__cards">
      <label className="wt-measure__field">
        <span>
          {t('round.addLesson')} / {t('round.addBottleneck')}
        </span>
        <input
          value={text}
          maxLength={1000}
          onChange={(e) => {
            setText(e.target.value)
            setAdded(false)
          }}
          data-testid="round-card-text"
        />
      </label>
      <div className="wt-stepper__row">
        {(['wt-lesson', 'wt-bottleneck'] as const).map((type) => (
          <button
            key={type}
            type="button"
            className="wt-button"
            disabled={text.trim() === ''}
            onClick={() => add(type)}
            data-testid={`round-add-${type}`}
          >
            <Plus aria-hidden="true" size={20} />
            <Pictogram name={findCard(type)!.icon} size={22} />
            {t(type === 'wt-lesson' ? 'round.addLesson' : 'round.addBottleneck')}
          </button>
        ))}
        {added ? (
          <span className="wt-measure__saved" role="status">
            {t('round.added')}
          </span>
        ) : null}
      </div>
      {mine.length ? (
        <ul className="wt-stepper__cardlist" data-testid="round-cards">
          {mine.map((shape) => (
            <li key={shape.id}>
              <Pictogram name={findCard(shape.type)!.icon} size={22} />
              {(shape.props as { text: string }).text}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}

/**
 * Puts a lesson or bottleneck card in its section of the partnerschapskaart (below the cards
 * already there), or beside the page's content when the board has no such section. One undo
 * step. False on a read-only board.
 */
export function addRoundCard(
  editor: Editor,
  type: RoundCardType,
  text: string,
  round: EvaluationRound,
): boolean {
  const card = findCard(type)
  if (!card || editor.getIsReadonly()) return false
  const zone = editor
    .getPages()
    .flatMap((p) => [...editor.getPageShapeIds(p.id)].map((id) => editor.getShape(id)))
    .find(
      (s): s is TLShape =>
        !!s && s.type === ZONE_SHAPE && (s.props as { section?: string }).section === SECTION[type],
    )
  const { w, h } = card.defaultSize
  const props =
    type === 'wt-lesson'
      ? { text, date: round.date, roundId: round.id }
      : { text, roundId: round.id }
  const id = createShapeId()
  editor.markHistoryStoppingPoint(`round ${type}`)
  if (zone) {
    const zoneW = (zone.props as { w: number }).w
    const children = editor.getSortedChildIdsForParent(zone.id).map((c) => editor.getShape(c)!)
    const columns = Math.max(1, Math.floor((zoneW - 2 * PAD + CARD_GAP) / (w + CARD_GAP)))
    const n = children.length
    const x = PAD + (n % columns) * (w + CARD_GAP)
    const y = ZONE_HEADER + Math.floor(n / columns) * (h + CARD_GAP)
    editor.createShape({ id, type, parentId: zone.id, x, y, props: { w, h, ...props } } as never)
  } else {
    const bounds = editor.getCurrentPageBounds()
    const x = bounds ? bounds.maxX + CARD_GAP * 4 : 0
    editor.createShape({ id, type, x, y: bounds?.minY ?? 0, props: { w, h, ...props } } as never)
  }
  return !!editor.getShape(id)
}
