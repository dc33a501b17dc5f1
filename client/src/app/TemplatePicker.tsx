import { BOARD_TEMPLATES, type BoardTemplate } from '@wijktafel/shared/light'
import { BookOpen, Files, Handshake, HeartHandshake, Square, type LucideIcon } from 'lucide-react'
import { useT } from './useT'

const ICONS: Record<BoardTemplate, LucideIcon> = {
  belangenkaart: HeartHandshake,
  partnerschapskaart: Handshake,
  both: Files,
  empty: Square,
  example: BookOpen,
}

/** The five ways to start a board, as large pictogram choices (a radio group). */
export function TemplatePicker(props: {
  value: BoardTemplate
  onChange: (template: BoardTemplate) => void
}) {
  const t = useT()
  return (
    <fieldset className="wt-templates">
      <legend>{t('start.template')}</legend>
      {BOARD_TEMPLATES.map((template) => {
        const Icon = ICONS[template]
        return (
          <label key={template} className="wt-template">
            <input
              type="radio"
              name="template"
              value={template}
              checked={props.value === template}
              onChange={() => props.onChange(template)}
            />
            <Icon aria-hidden="true" size={36} className="wt-template__icon" />
            <span className="wt-template__name">{t(`start.template.${template}`)}</span>
            <span className="wt-template__hint">{t(`start.template.${template}.hint`)}</span>
          </label>
        )
      })}
    </fieldset>
  )
}
