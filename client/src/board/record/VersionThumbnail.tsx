import { ImageOff } from 'lucide-react'
import { useEffect, useState } from 'react'
import { getThumbnail, type VersionInfo } from './api'

/**
 * A version's small picture. Fetched with the link's token and shown from a blob: URL, so
 * the token never goes into an <img> address (and so into history or logs).
 */
export function VersionThumbnail(props: { boardId: string; token: string; version: VersionInfo }) {
  const { boardId, token, version } = props
  const [url, setUrl] = useState<string | null>(null)
  const [failed, setFailed] = useState(false)

  useEffect(() => {
    if (!version.hasThumbnail) return
    let revoked = false
    let objectUrl: string | null = null
    getThumbnail(boardId, token, version.id)
      .then((blob) => {
        if (revoked) return
        objectUrl = URL.createObjectURL(blob)
        setUrl(objectUrl)
      })
      .catch(() => setFailed(true))
    return () => {
      revoked = true
      if (objectUrl) URL.revokeObjectURL(objectUrl)
    }
  }, [boardId, token, version.id, version.hasThumbnail])

  if (!url || failed) {
    return (
      <div className="wt-version__thumb wt-version__thumb--none" aria-hidden="true">
        <ImageOff size={28} />
      </div>
    )
  }
  return <img className="wt-version__thumb" src={url} alt="" data-testid="version-thumbnail" />
}
