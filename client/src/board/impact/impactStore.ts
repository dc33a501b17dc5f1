import { EMPTY_IMPACT, readImpact, YDOC_IMPACT, type ImpactState } from '@wijktafel/shared'
import type * as Y from 'yjs'
import { create } from 'zustand'
import type { ImpactActions } from './impactActions'

/** Which action (and indicator) the measurement form is open for. */
export interface MeasurementTarget {
  actionId: string
  /** Preselected indicator; the action's first when absent. */
  indicatorId?: string
  /** Opened to correct this measurement ("Verbeteren"). */
  corrects?: string
  /** Opened from an evaluation round's stepper: the measurement belongs to that round. */
  roundId?: string
}

/**
 * The impact map of the open board (measurements, evaluation rounds, round statuses) as this
 * tab reads it, outside React's tree like the meeting store: an action card's goal block
 * reads it too when tldraw renders the card into an image export [1].
 */
export interface ImpactStore {
  impact: ImpactState
  /** What this person may write (null for a viewer or a tab that can no longer save). */
  actions: ImpactActions | null
  /** The measurement form, open for one action; null when closed. */
  form: MeasurementTarget | null
  /** The evaluation rounds panel is open (anyone who may edit walks a round). */
  roundsOpen: boolean
}

declare global {
  interface Window {
    /** The impact store of the open board, for tests and debugging in the console. */
    wtImpact?: typeof useImpactStore
  }
}

export const useImpactStore = create<ImpactStore>()(() => ({
  impact: EMPTY_IMPACT,
  actions: null,
  form: null,
  roundsOpen: false,
}))

/**
 * Opens the measurement form for an action, from its card or the impact view. Does nothing
 * for a viewer: they have no form.
 */
export function openMeasurementForm(target: MeasurementTarget): void {
  if (!useImpactStore.getState().actions) return
  useImpactStore.setState({ form: target })
}

export function closeMeasurementForm(): void {
  useImpactStore.setState({ form: null })
}

/** Opens or closes the evaluation rounds panel. */
export function setRoundsOpen(open: boolean): void {
  useImpactStore.setState({ roundsOpen: open })
}

/**
 * Mirrors the doc's `impact` map into the store until the returned function is called,
 * which empties it again. Malformed entries are left out (readImpact).
 */
export function bindImpact(doc: Y.Doc): () => void {
  const map = doc.getMap<unknown>(YDOC_IMPACT)
  const read = () => useImpactStore.setState({ impact: readImpact(map.entries()) })
  map.observe(read)
  read()
  if (typeof window !== 'undefined') window.wtImpact = useImpactStore
  return () => {
    map.unobserve(read)
    useImpactStore.setState({ impact: EMPTY_IMPACT, actions: null, form: null, roundsOpen: false })
  }
}

// [1] tldraw renders an exported shape's component in a React root of its own (with the
//     editor's context, not ours). A zustand store is read the same way in both.
