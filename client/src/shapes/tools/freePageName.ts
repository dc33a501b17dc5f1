import type { Editor } from 'tldraw'

/** `name`, or `name 2`, `name 3`... whichever no page has yet. */
export function freePageName(editor: Editor, name: string): string {
  const taken = new Set(editor.getPages().map((p) => p.name))
  if (!taken.has(name)) return name
  let n = 2
  while (taken.has(`${name} ${n}`)) n++
  return `${name} ${n}`
}
