import {
  DREAM_SHAPE,
  dreamDefaultProps,
  dreamShapeMigrations,
  dreamShapeProps,
  type WtDreamShape,
} from '@wijktafel/shared'
import { CardShapeUtil } from '../common/CardShapeUtil'
import { HorizonCard, HorizonPanel } from '../common/HorizonCard'

/** Droom: the residents' long-term dream, the centre of both maps. */
export class DreamShapeUtil extends CardShapeUtil<WtDreamShape> {
  static override type = DREAM_SHAPE
  static override props = dreamShapeProps
  static override migrations = dreamShapeMigrations

  override getDefaultProps(): WtDreamShape['props'] {
    return { ...dreamDefaultProps }
  }

  override getText(shape: WtDreamShape) {
    return shape.props.text
  }

  override component(shape: WtDreamShape) {
    return <HorizonCard shape={shape} />
  }
}

export { HorizonPanel as DreamPanel }
