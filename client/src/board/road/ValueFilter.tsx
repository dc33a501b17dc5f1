import { VALUE_KINDS, type ValueKind } from '@wijktafel/shared'
import { Filter, X } from 'lucide-react'
import { useState } from 'react'
import { useEditor, useValue } from 'tldraw'
import { useT } from '../../app/useT'
import { lookStyle } from '../../shapes/common/CardFrame'
import { Pictogram } from '../../shapes/common/Pictogram'
import { dimmedShapeIds, dimmingCss, pageHasActions, useValueFilter } from './valueFilter'

/**
 * "Toon waarde": on a page with actions (the partnerschapskaart, the road), a pictogram
 * button opens five value chips; picking one dims every action that does not create that
 * value, for this person only; "Alles tonen" clears it.
 */
export function ValueFilter() {
  const editor = useEditor()
  const t = useT()
  const value = useValueFilter((s) => s.value)
  const setValue = useValueFilter((s) => s.setValue)
  const [open, setOpen] = useState(false)
  const relevant = useValue('wt page has actions', () => pageHasActions(editor), [editor])
  const css = useValue(
    'wt value dimming',
    () => (value ? dimmingCss(dimmedShapeIds(editor, value)) : ''),
    [editor, value],
  )
  if (!relevant && !value) return null
  const active = VALUE_KINDS.find((v) => v.id === value)
  const pick = (id: ValueKind) => setValue(id === value ? null : id)
  return (
    <>
      {css ? <style data-testid="value-filter-style">{css}</style> : null}
      {relevant ? (
        <div className="wt-valuefilter" role="group" aria-label={t('road.filter')} data-open={open}>
          <button
            type="button"
            className="wt-valuefilter__toggle"
            aria-expanded={open}
            aria-label={t('road.filter')}
            title={t('road.filter')}
            onClick={() => setOpen((o) => !o)}
            style={active ? lookStyle(active) : undefined}
          >
            {active ? (
              <Pictogram name={active.icon} size={26} />
            ) : (
              <Filter size={26} aria-hidden="true" />
            )}
          </button>
          {open
            ? VALUE_KINDS.map((kind) => (
                <button
                  key={kind.id}
                  type="button"
                  className="wt-valuefilter__chip"
                  aria-pressed={kind.id === value}
                  aria-label={t(kind.label)}
                  title={t(kind.label)}
                  data-value={kind.id}
                  onClick={() => pick(kind.id)}
                  style={lookStyle(kind)}
                >
                  <Pictogram name={kind.icon} size={26} />
                  <span className="wt-valuefilter__label">{t(kind.label)}</span>
                </button>
              ))
            : null}
          {open && value ? (
            <button type="button" className="wt-valuefilter__clear" onClick={() => setValue(null)}>
              <X size={24} aria-hidden="true" />
              <span className="wt-valuefilter__label">{t('road.filter.clear')}</span>
            </button>
          ) : null}
        </div>
      ) : null}
    </>
  )
}
