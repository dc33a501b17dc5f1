/** The board id of a `/b/<boardId>` path, or null for the start page. */
export function boardIdOf(pathname: string): string | null {
  const match = /^\/b\/([^/]+)\/?$/.exec(pathname)
  return match?.[1] ? decodeURIComponent(match[1]) : null
}
