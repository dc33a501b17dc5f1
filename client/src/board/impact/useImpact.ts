import { canWrite, type ImpactState } from '@wijktafel/shared'
import { useEffect, useMemo } from 'react'
import { useSession } from '../../state/session'
import { useBoard } from '../BoardContext'
import { createImpactActions, type ImpactActions } from './impactActions'
import { bindImpact, useImpactStore } from './impactStore'

export type { ImpactActions, FacilitatorImpactActions } from './impactActions'
export {
  openMeasurementForm,
  closeMeasurementForm,
  setRoundsOpen,
  type MeasurementTarget,
} from './impactStore'

/** The impact map of the open board, live; EMPTY_IMPACT while the board loads. */
export function useImpact(): ImpactState {
  return useImpactStore((s) => s.impact)
}

/**
 * What this person may write: null for a viewer (or a tab that can no longer save); rounds
 * only for the facilitator (`role: 'facilitator'`). Read from the store, so any component
 * (the card's goal block, the impact view) can use it without the board's context.
 */
export function useImpactActions(): ImpactActions | null {
  return useImpactStore((s) => s.actions)
}

/**
 * Keeps the impact store in step with the open board's doc and this person's rights
 * (mounted once, MeasurementLayer).
 */
export function useImpactBinding(): void {
  const { info, sync } = useBoard()
  const user = useSession((s) => s.user)
  const doc = sync.room?.doc
  const role = sync.readOnly || !canWrite(info.role) ? 'viewer' : info.role
  const actions = useMemo(
    () => (doc ? createImpactActions(doc, { id: user.id, name: user.name, role }) : null),
    [doc, user.id, user.name, role],
  )
  useEffect(() => {
    if (!doc) return
    return bindImpact(doc)
  }, [doc])
  useEffect(() => {
    useImpactStore.setState((s) => ({ actions, form: actions ? s.form : null }))
  }, [actions])
}
