import {
  DocumentRecordType,
  PageRecordType,
  TLDOCUMENT_ID,
  type TLPageId,
  type TLRecord,
} from '@tldraw/tlschema'
import { getIndices } from '@tldraw/utils'
import { translate, type Locale } from '../i18n/messages.js'
import type { BoardTemplate } from '../protocol/boardApi.js'
import { buildRoad } from '../road/buildRoad.js'
import { todayDate } from '../road/dates.js'
import { belangenkaart } from './belangenkaart.js'
import { DE_HORST_EXAMPLE } from './deHorst.js'
import { exampleBoard } from './exampleBoard.js'
import { partnerschapskaart } from './partnerschapskaart.js'
import type { MapTemplate } from './recordBuilder.js'

export interface InitialBoardOptions {
  template?: BoardTemplate | undefined
  locale: Locale
  title: string
  /** The example road's start, `YYYY-MM-DD`; today when not given. */
  today?: string
}

/**
 * Every record a new board starts with: the document (named after the board), one page per
 * map, and the map's shapes and bindings. The server writes these into the board's Y.Doc
 * when the board is created, so the first people to open it all see the same template.
 */
export function initialBoardRecords({
  template,
  locale,
  title,
  today = todayDate(),
}: InitialBoardOptions): TLRecord[] {
  if (template === undefined) return []
  const pageNames = pagesOf(template).map((map) =>
    map === 'empty'
      ? translate(locale, 'page.empty')
      : map === 'road'
        ? translate(locale, 'road.page')
        : translate(locale, `map.${map}`),
  )
  const indices = getIndices(pageNames.length)
  const pages = pageNames.map((name, i) =>
    PageRecordType.create({ id: PageRecordType.createId(), name, index: indices[i + 1]! }),
  )
  const maps = mapsFor(
    template,
    locale,
    pages.map((p) => p.id),
    today,
  )
  return [
    DocumentRecordType.create({ id: TLDOCUMENT_ID, name: title }),
    ...pages,
    ...maps.flatMap((m) => [...m.shapes, ...m.bindings]),
  ]
}

function pagesOf(
  template: BoardTemplate,
): ('belangenkaart' | 'partnerschapskaart' | 'road' | 'empty')[] {
  switch (template) {
    case 'belangenkaart':
    case 'partnerschapskaart':
      return [template]
    case 'both':
      return ['belangenkaart', 'partnerschapskaart']
    case 'example':
      return ['belangenkaart', 'partnerschapskaart', 'road']
    case 'empty':
      return ['empty']
  }
}

function mapsFor(
  template: BoardTemplate,
  locale: Locale,
  pageIds: TLPageId[],
  today: string,
): MapTemplate[] {
  const [first, second, third] = pageIds as [TLPageId, TLPageId | undefined, TLPageId | undefined]
  switch (template) {
    case 'belangenkaart':
      return [belangenkaart({ pageId: first, locale })]
    case 'partnerschapskaart':
      return [partnerschapskaart({ pageId: first, locale })]
    case 'both':
      return [
        belangenkaart({ pageId: first, locale }),
        partnerschapskaart({ pageId: second!, locale }),
      ]
    case 'example': {
      const maps = exampleBoard(DE_HORST_EXAMPLE, {
        belangenkaartPageId: first,
        partnerschapskaartPageId: second!,
        locale,
      })
      // The road from today to the dream, made from both maps as "Maak de weg" makes it.
      const road = buildRoad([...maps.belangenkaart.shapes, ...maps.partnerschapskaart.shapes], {
        pageId: third!,
        locale,
        today,
      })
      const roadMap = { ...road, bindings: [], participantIds: {} }
      return [maps.belangenkaart, maps.partnerschapskaart, roadMap]
    }
    case 'empty':
      return []
  }
}
