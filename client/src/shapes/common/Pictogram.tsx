import type { IconName } from '@wijktafel/shared'
import { memo } from 'react'
import { ICONS } from '../iconRegistry'

/**
 * A lucide pictogram of the shared model, drawn as inline SVG (so it also shows in image
 * exports, with no network). `currentColor` makes it take the ink of its surroundings.
 */
export const Pictogram = memo(function Pictogram({
  name,
  size = 40,
  strokeWidth = 2.25,
}: {
  name: IconName
  size?: number
  strokeWidth?: number
}) {
  const Icon = ICONS[name]
  return <Icon size={size} strokeWidth={strokeWidth} aria-hidden="true" focusable="false" />
})
