import { setViewState } from '../view'

/** Back to the canvas: the `view` and `names` parameters leave the address. */
export function leavePresentation(): void {
  setViewState({ view: 'canvas', namesHidden: false })
}

export function openPresentation(): void {
  setViewState({ view: 'present' })
}

/** "Namen verbergen" on or off; kept in the address (`&names=hidden`) for a reload. */
export function toggleNames(): void {
  const hidden = new URLSearchParams(window.location.search).get('names') === 'hidden'
  setViewState({ namesHidden: !hidden })
}

/** A message with `{name}` placeholders filled in. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  )
}
