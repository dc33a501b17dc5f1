import deHorstJson from './examples/de-horst.json' with { type: 'json' }
import { parseExampleBoard, type ExampleBoard } from './exampleBoard.js'

/** "Samen aan de slag in De Horst": our fictional, realistic example of both maps. */
export const DE_HORST_EXAMPLE: ExampleBoard = parseExampleBoard(deHorstJson)

/** The example's year of measurements and its two evaluation rounds (the `impact` map). */
export { DE_HORST_ROUNDS, deHorstImpact } from './deHorstImpact.js'
