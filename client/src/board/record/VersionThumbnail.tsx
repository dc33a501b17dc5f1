import type { VersionInfo } from '@wijktafel/shared'
import { ImageOff } from 'lucide-react'
import { useState } from 'react'

/**
 * A version's small picture, from the address the server lists with it (unguessable, so an
 * <img> needs no token); a grey pictogram when there is none or it does not load.
 */
export function VersionThumbnail({ version }: { version: VersionInfo }) {
  const [failed, setFailed] = useState(false)
  if (!version.thumbnail || failed) {
    return (
      <div className="wt-version__thumb wt-version__thumb--none" aria-hidden="true">
        <ImageOff size={28} />
      </div>
    )
  }
  return (
    <img
      className="wt-version__thumb"
      src={version.thumbnail}
      alt=""
      onError={() => setFailed(true)}
      data-testid="version-thumbnail"
    />
  )
}
