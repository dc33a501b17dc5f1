import {
  PARTICIPANT_SHAPE,
  partnershipFromInterestMap,
  translate,
  type Locale,
} from '@wijktafel/shared'
import { PageRecordType, type Editor, type TLPageId } from 'tldraw'
import { zoomToContent } from './zoomToContent'
import { freePageName } from './freePageName'

/**
 * "Make the partnership map from the interest map": a new page "Partnerschapskaart" (with a
 * number when that name is taken) holding a partnership map made from the current page's
 * participants, dream, assignment and shared interests. One undo step; then shows the new
 * page. Returns its id, or undefined when the current page has no participant cards.
 */
export function makePartnershipMap(editor: Editor, locale: Locale): TLPageId | undefined {
  const source = editor.getCurrentPageShapes()
  if (editor.getIsReadonly() || !source.some((s) => s.type === PARTICIPANT_SHAPE)) return
  const pageId = PageRecordType.createId()
  const { shapes, bindings } = partnershipFromInterestMap(source, { pageId, locale })
  const name = freePageName(editor, translate(locale, 'map.partnerschapskaart'))
  editor.markHistoryStoppingPoint('make partnership map')
  editor.run(() => {
    editor.createPage({ id: pageId, name })
    editor.createShapes(shapes)
    if (bindings.length) editor.createBindings(bindings)
    editor.setCurrentPage(pageId)
  })
  zoomToContent(editor, { animation: { duration: 0 } })
  return pageId
}
