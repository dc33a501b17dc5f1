import { getCardKind } from '../cards/index.js'

// Sizes in page units. Cards keep their default sizes (shared/src/cards), chosen for 24 px
// text on a projector; the numbers here space them out.

/** Space between a zone's edge and its cards. */
export const PAD = 24
/** Space between cards inside a zone or a participant area. */
export const CARD_GAP = 20
/** Space between zones, participant areas and the centre of a map. */
export const ZONE_GAP = 80
/** Title band of a zone (title and pictogram at 32 px). */
export const ZONE_HEADER = 96
/** Header of a participant area: name, organisation and the kind's pictogram. */
export const PARTICIPANT_HEADER = 140

export const INTEREST = getCardKind('interest').defaultSize
export const PARTICIPANT = getCardKind('participant').defaultSize
export const SHARED_INTEREST = getCardKind('shared-interest').defaultSize
export const DREAM = getCardKind('dream').defaultSize
export const ASSIGNMENT = getCardKind('assignment').defaultSize
export const ROLE = getCardKind('role').defaultSize

/** Columns of interest notes in a participant area. */
export const INTEREST_COLUMNS = 2

/** Position of the i-th cell of a grid filled row by row. */
export function gridCell(
  i: number,
  columns: number,
  cell: { w: number; h: number },
  origin = { x: PAD, y: ZONE_HEADER },
): { x: number; y: number } {
  return {
    x: origin.x + (i % columns) * (cell.w + CARD_GAP),
    y: origin.y + Math.floor(i / columns) * (cell.h + CARD_GAP),
  }
}

/** Height taken by `rows` rows of cells, without padding. */
export function rowsHeight(rows: number, cellH: number): number {
  return rows * cellH + Math.max(0, rows - 1) * CARD_GAP
}

/** Width taken by `columns` columns of cells, without padding. */
export function columnsWidth(columns: number, cellW: number): number {
  return columns * cellW + Math.max(0, columns - 1) * CARD_GAP
}

/** Size of a participant area holding `interests` notes; at least two rows of room. */
export function participantAreaSize(interests: number): { w: number; h: number } {
  const rows = Math.max(2, Math.ceil(interests / INTEREST_COLUMNS))
  return {
    w: Math.max(PARTICIPANT.w, 2 * PAD + columnsWidth(INTEREST_COLUMNS, INTEREST.w)),
    h: PARTICIPANT_HEADER + rowsHeight(rows, INTEREST.h) + PAD,
  }
}
