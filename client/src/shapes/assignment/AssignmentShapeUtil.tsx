import {
  ASSIGNMENT_SHAPE,
  assignmentDefaultProps,
  assignmentShapeMigrations,
  assignmentShapeProps,
  type WtAssignmentShape,
} from '@wijktafel/shared'
import { CardShapeUtil } from '../common/CardShapeUtil'
import { HorizonCard, HorizonPanel } from '../common/HorizonCard'

/** Maatschappelijke opdracht: what the partners will concretely do in the next years. */
export class AssignmentShapeUtil extends CardShapeUtil<WtAssignmentShape> {
  static override type = ASSIGNMENT_SHAPE
  static override props = assignmentShapeProps
  static override migrations = assignmentShapeMigrations

  override getDefaultProps(): WtAssignmentShape['props'] {
    return { ...assignmentDefaultProps }
  }

  override getText(shape: WtAssignmentShape) {
    return shape.props.text
  }

  override component(shape: WtAssignmentShape) {
    return <HorizonCard shape={shape} />
  }
}

export { HorizonPanel as AssignmentPanel }
