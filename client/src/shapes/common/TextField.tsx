import { useEffect, useRef, type KeyboardEvent } from 'react'
import { useEditor } from 'tldraw'

/** Long text (a dream, an interest...) and short text (a name, a channel) limits of the model. */
export const LONG_TEXT = 1000
export const SHORT_TEXT = 200

/**
 * A text prop of a card: plain text on the canvas, a textarea (or one-line input) while the
 * card is edited. Each change is written to the store at once, so others see it being typed.
 * While an input has focus tldraw disables its shortcuts, so typing "v" or "d" stays text;
 * Escape still reaches tldraw and ends editing; Ctrl/Cmd+Enter ends it too. The text takes
 * its direction from what is typed (`dir="auto"`, cards.css), not from the UI's language [1].
 */
export function TextField({
  value,
  onChange,
  editing,
  exporting,
  placeholder,
  size = 'md',
  multiline = true,
  maxLength = multiline ? LONG_TEXT : SHORT_TEXT,
  autoFocus = false,
  muted = false,
}: {
  value: string
  onChange: (value: string) => void
  editing: boolean
  exporting: boolean
  placeholder: string
  size?: 'sm' | 'md' | 'lg'
  multiline?: boolean
  maxLength?: number
  autoFocus?: boolean
  muted?: boolean
}) {
  const editor = useEditor()
  const ref = useRef<HTMLTextAreaElement & HTMLInputElement>(null)
  // Focus the first field when editing starts, once tldraw is done with the pointer (it puts
  // focus on its container at the end of a click, so React's autoFocus alone loses it).
  useEffect(() => {
    if (!editing || !autoFocus) return
    const focus = () => {
      const el = ref.current
      if (el && el.ownerDocument.activeElement !== el) {
        el.focus()
        el.setSelectionRange(el.value.length, el.value.length)
      }
    }
    focus()
    const frame = requestAnimationFrame(focus)
    return () => cancelAnimationFrame(frame)
  }, [editing, autoFocus])
  const className = `wtc-text wtc-text--${size}${muted ? ' wtc-text--muted' : ''}`
  if (!editing) {
    if (value)
      return (
        <div className={className} dir="auto">
          {value}
        </div>
      )
    if (exporting) return null
    return <div className={`${className} wtc-placeholder`}>{placeholder}</div>
  }
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
      e.preventDefault()
      editor.setEditingShape(null)
    }
  }
  return multiline ? (
    <textarea
      className={className}
      dir="auto"
      value={value}
      placeholder={placeholder}
      aria-label={placeholder}
      maxLength={maxLength}
      ref={ref}
      onChange={(e) => onChange(e.currentTarget.value)}
      onKeyDown={onKeyDown}
    />
  ) : (
    <input
      className={className}
      dir="auto"
      value={value}
      placeholder={placeholder}
      aria-label={placeholder}
      maxLength={maxLength}
      ref={ref}
      onChange={(e) => onChange(e.currentTarget.value)}
      onKeyDown={onKeyDown}
    />
  )
}

// [1] An Arabic-speaking resident and a Dutch one share a board: an Arabic interest must read
// right to left on a Dutch screen, and a Dutch name left to right on an Arabic one.
