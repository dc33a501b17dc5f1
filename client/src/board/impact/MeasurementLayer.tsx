import { MeasurementForm } from './MeasurementForm'
import { closeMeasurementForm, setRoundsOpen, useImpactStore } from './impactStore'
import { RoundsPanel } from './RoundsPanel'
import { useImpactBinding } from './useImpact'

/**
 * Inside <Tldraw>, in every view: keeps the impact store bound to the board and shows the
 * measurement form or the rounds panel where they were opened (a card, the impact view, the
 * meeting panel). Nothing for a viewer: they have no form [1].
 */
export function MeasurementLayer() {
  useImpactBinding()
  const form = useImpactStore((s) => (s.actions ? s.form : null))
  const rounds = useImpactStore((s) => !!s.actions && s.roundsOpen)
  return (
    <>
      {form ? <MeasurementForm target={form} onClose={closeMeasurementForm} /> : null}
      {rounds ? <RoundsPanel onClose={() => setRoundsOpen(false)} /> : null}
    </>
  )
}

// [1] One host for the whole board: a card's button only names the action (the store's
//     `form`), so the form survives the card's edit panel closing when the tap lands outside
//     the canvas, and H7's impact view opens the same form with `openMeasurementForm`.
