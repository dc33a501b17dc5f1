import type { ReactNode } from 'react'

/** A field of a card on one line: a pictogram that says what it is, then the value. */
export function FieldRow({
  icon,
  title,
  children,
}: {
  icon: ReactNode
  title: string
  children: ReactNode
}) {
  return (
    <div className="wtc-row" title={title} style={{ flexWrap: 'nowrap' }}>
      <span className="wtc-field-icon">{icon}</span>
      <div style={{ flex: '1 1 auto', minWidth: 0 }}>{children}</div>
    </div>
  )
}
