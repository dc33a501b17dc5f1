/**
 * A soft two-note chime made with WebAudio (no sound file). Browsers only let a page play
 * sound after a person touched it: `primeChime` on the first tap unlocks it; without that the
 * chime is silent, never an error [1].
 */
let context: AudioContext | undefined

function audio(): AudioContext | undefined {
  try {
    const Ctor =
      window.AudioContext ??
      (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext
    if (!Ctor) return undefined
    context ??= new Ctor()
    if (context.state === 'suspended') void context.resume().catch(() => {})
    return context
  } catch {
    return undefined
  }
}

/** Call from a tap or click: lets the chime sound later. */
export function primeChime(): void {
  audio()
}

export function chime(): void {
  const ctx = audio()
  if (!ctx || ctx.state !== 'running') return
  try {
    const start = ctx.currentTime + 0.02
    for (const [i, freq] of [659.25, 880].entries()) {
      const osc = ctx.createOscillator()
      const gain = ctx.createGain()
      const at = start + i * 0.35
      osc.type = 'sine'
      osc.frequency.value = freq
      gain.gain.setValueAtTime(0, at)
      gain.gain.linearRampToValueAtTime(0.15, at + 0.03)
      gain.gain.exponentialRampToValueAtTime(0.001, at + 1.2)
      osc.connect(gain).connect(ctx.destination)
      osc.start(at)
      osc.stop(at + 1.3)
    }
  } catch {
    // No sound is no problem: the timer pulses as well.
  }
}

// [1] Chrome's autoplay policy: an AudioContext made before a user gesture starts
//     'suspended', and resume() only succeeds after one.
