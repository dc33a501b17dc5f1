import { join } from 'node:path'
import Database from 'better-sqlite3'

/** The file whose lock says "a server is using this data directory". */
export const LOCK_FILE = 'wijktafel.lock'

/** Another server process holds the data directory. */
export class DataDirInUseError extends Error {
  readonly code = 'data_dir_in_use'
}

/**
 * Makes this process the only server on `dataDir`, or throws DataDirInUseError. Two servers
 * on one database would each compact boards and delete log rows the other just wrote [1].
 * Returns the function that lets go (at shutdown).
 */
export function lockDataDir(dataDir: string): () => void {
  const db = new Database(join(dataDir, LOCK_FILE))
  try {
    db.pragma('busy_timeout = 0')
    db.pragma('locking_mode = EXCLUSIVE')
    // In exclusive locking mode the lock a write transaction takes is kept until close.
    db.exec('BEGIN EXCLUSIVE; COMMIT')
  } catch (error) {
    db.close()
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      throw new DataDirInUseError(
        `another Wijktafel server is already using the data directory ${dataDir}. Stop it first, or give this one another DATA_DIR.`,
      )
    }
    throw error
  }
  return () => db.close()
}

// [1] An operating-system lock through SQLite (fcntl on Linux and macOS, LockFileEx on
//     Windows): it goes with the process, so a server killed with SIGKILL or a power cut
//     leaves no stale lock behind, unlike a pid file. Within one process SQLite shares the
//     lock between connections, so tests can start a second server in the same process too.
