import { readFileSync } from 'node:fs'
import { posix } from 'node:path'
import { constants, gzipSync } from 'node:zlib'

export interface StartPageFile {
  /** Relative to the dist directory, e.g. `assets/index-abc.js`. */
  path: string
  gzipBytes: number
}

/**
 * The files a browser downloads for `/` before the page can run, read from a built client:
 * index.html's scripts (module and classic), modulepreloads and stylesheets, and every module
 * they import statically, transitively. Dynamic `import()`s are left out: that is where the
 * board lives [1].
 */
export function startPageFiles(dist: string): StartPageFile[] {
  const html = readFileSync(posix.join(dist, 'index.html'), 'utf8')
  const roots = [
    ...attributeValues(html, /<script\b[^>]*\bsrc="([^"]+)"/g),
    ...attributeValues(
      html,
      /<link\b[^>]*\brel="(?:modulepreload|stylesheet)"[^>]*\bhref="([^"]+)"/g,
    ),
    ...attributeValues(
      html,
      /<link\b[^>]*\bhref="([^"]+)"[^>]*\brel="(?:modulepreload|stylesheet)"/g,
    ),
  ]
  const seen = new Set<string>()
  const visit = (path: string) => {
    if (seen.has(path)) return
    seen.add(path)
    if (!path.endsWith('.js')) return
    const code = readFileSync(posix.join(dist, path), 'utf8')
    for (const specifier of staticImports(code)) {
      visit(posix.normalize(posix.join(posix.dirname(path), specifier)))
    }
  }
  roots.map((url) => url.replace(/^\//, '')).forEach(visit)
  return [...seen].map((path) => ({
    path,
    gzipBytes: gzipSync(readFileSync(posix.join(dist, path)), {
      level: constants.Z_BEST_COMPRESSION,
    }).length,
  }))
}

function attributeValues(html: string, pattern: RegExp): string[] {
  return [...html.matchAll(pattern)].flatMap((m) => (m[1] ? [m[1]] : []))
}

/**
 * `import{a as b}from"./x.js"`, `import"./x.js"` and `export{a}from"./x.js"` in minified
 * output; `import("./x.js")` has a parenthesis where a quote or a name would be, so it is not
 * matched [2].
 */
function staticImports(code: string): string[] {
  const pattern =
    /(?<![\w$.])(?:import|export)\s*(?:[\w$*{},\s]*?from\s*)?["'](\.{1,2}\/[^"']+)["']/g
  return [...code.matchAll(pattern)].flatMap((m) => (m[1] ? [m[1]] : []))
}

// [1] What the start page needs before a person can type is exactly this set: React renders
// the form as soon as the entry has run. The board's chunk arrives later, by `import()`, when
// App.tsx renders a board or the start page prefetches it (client/src/app/lazyBoard.tsx).
// [2] Only relative specifiers: Vite writes every chunk-to-chunk import as `./name.js`. A false
// match inside a string would only add a file, so the budget can err only on the strict side.
