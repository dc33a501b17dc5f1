import { createHash } from 'node:crypto'
import type { Plugin, Rollup } from 'vite'

type OutputBundle = Rollup.OutputBundle

/**
 * A board link (`/b/<id>#token`) should not wait for the start page's entry before it asks
 * for the board's chunks. index.html cannot name them statically (the start page must not
 * download them), so this writes a tiny script that index.html loads with `async`: on a
 * board path it adds `modulepreload` links for the board's chunks and a `preload` for its
 * CSS, which the browser fetches while the entry is still arriving [1].
 */
export function boardPreload(boardModule = 'src/board/BoardPage.tsx'): Plugin {
  return {
    name: 'wijktafel-board-preload',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = bundle['index.html']
      const board = Object.values(bundle).find(
        (file) => file.type === 'chunk' && file.facadeModuleId?.endsWith(boardModule),
      )
      if (html?.type !== 'asset' || !board) {
        this.error(`boardPreload: index.html or the chunk of ${boardModule} is missing`)
      }
      // What index.html loads anyway needs no second link.
      const entries = Object.values(bundle).flatMap((file) =>
        file.type === 'chunk' && file.isEntry ? [staticClosure(bundle, file.fileName)] : [],
      )
      const loaded = new Set(entries.flatMap((e) => [...e.scripts, ...e.styles]))
      const { scripts, styles } = staticClosure(bundle, board.fileName)
      const source = preloadScript(
        scripts.filter((f) => !loaded.has(f)),
        styles.filter((f) => !loaded.has(f)),
      )
      const hash = createHash('sha256').update(source).digest('base64url').slice(0, 8)
      const fileName = `assets/boardPreload-${hash}.js`
      this.emitFile({ type: 'asset', fileName, source })
      const tag = `<script async src="/${fileName}"></script>`
      const page = String(html.source)
      if (!page.includes('</title>')) this.error('boardPreload: index.html has no </title>')
      html.source = page.replace('</title>', `</title>\n    ${tag}`)
    },
  }
}

/** The files a chunk loads before it runs: itself and its static imports, transitively. */
function staticClosure(bundle: OutputBundle, start: string) {
  const scripts: string[] = []
  const styles = new Set<string>()
  const visit = (fileName: string) => {
    const chunk = bundle[fileName]
    if (chunk?.type !== 'chunk' || scripts.includes(fileName)) return
    scripts.push(fileName)
    for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css)
    chunk.imports.forEach(visit)
  }
  visit(start)
  return { scripts, styles: [...styles] }
}

/** Plain ES2017 for every browser we serve; no imports, so it runs as soon as it arrives. */
function preloadScript(scripts: string[], styles: string[]): string {
  const links = [
    ...scripts.map((f) => ({ rel: 'modulepreload', href: `/${f}` })),
    ...styles.map((f) => ({ rel: 'preload', as: 'style', href: `/${f}` })),
  ]
  return `/* Board link: fetch the board's code alongside the entry (client/boardPreload.ts). */
if (/^\\/b\\/[^/]+\\/?$/.test(location.pathname)) {
  for (const attrs of ${JSON.stringify(links)}) {
    const link = document.createElement('link')
    Object.assign(link, attrs)
    link.crossOrigin = ''
    document.head.appendChild(link)
  }
}
`
}

// [1] Same-origin and external, so the Content-Security-Policy needs no inline script. The
// crossorigin="" matches the links Vite's own preload helper makes for the lazy import, so
// when App.tsx asks for the board the browser reuses these responses instead of fetching
// again. The path test is the one of client/src/app/route.ts; on `/` the script does nothing.
