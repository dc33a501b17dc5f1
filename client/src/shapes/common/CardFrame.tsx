import type { IconName } from '@wijktafel/shared'
import type { CSSProperties, ReactNode, Ref } from 'react'
import { HTMLContainer } from 'tldraw'
import { Pictogram } from './Pictogram'
import { stopEvent } from './useCard'

/** How a card looks: the colour, ink and pictogram of its kind (or of its chosen category). */
export interface CardLook {
  color: string
  ink: string
  icon: IconName
  /** Short label beside the pictogram, already translated. */
  label: string
}

export function lookStyle(look: { color: string; ink: string }): CSSProperties {
  return { '--wt-color': look.color, '--wt-ink': look.ink } as CSSProperties
}

/**
 * The shared frame of every card: a coloured header band with the kind's pictogram and short
 * label (what makes a card recognisable without reading), and a body with its fields. While
 * the card is edited it takes pointer events so its inputs work; otherwise the canvas does.
 */
export function CardFrame({
  look,
  editing,
  variant = 'card',
  badge,
  bodyRef,
  overflowing = false,
  children,
}: {
  look: CardLook
  editing: boolean
  /**
   * 'note' colours the whole card, like a sticky note (interest cards); 'area' tints the body
   * lightly, for a card that holds other cards (participants).
   */
  variant?: 'card' | 'note' | 'area'
  /** Shown at the end of the header band: a status, a level, a horizon... */
  badge?: ReactNode
  /** The body, measured to grow the card with its text (CardView). */
  bodyRef?: Ref<HTMLDivElement>
  /** The text does not fit: the body ends in a fade and "…" so nobody takes it as all. */
  overflowing?: boolean
  children?: ReactNode
}) {
  const className = `wtc-card wtc-card--${variant}${editing ? ' wtc-card--editing' : ''}${
    overflowing && !editing ? ' wtc-card--overflowing' : ''
  }`
  return (
    <HTMLContainer
      className={className}
      style={{ ...lookStyle(look), pointerEvents: editing ? 'all' : 'none' }}
      onPointerDown={editing ? stopEvent : undefined}
    >
      <div className="wtc-card__head">
        <Pictogram name={look.icon} size={40} />
        <span className="wtc-card__label">{look.label}</span>
        {badge ? <span className="wtc-card__badge">{badge}</span> : null}
      </div>
      <div className="wtc-card__body" ref={bodyRef}>
        {children}
      </div>
    </HTMLContainer>
  )
}
