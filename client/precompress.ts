import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { Plugin } from 'vite'

const brotli = promisify(brotliCompress)
const gz = promisify(gzip)

/** Text formats worth compressing; woff2, PNG and the like are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest|txt|xml|ttf|otf)$/

/**
 * Writes x.br (brotli, best quality) and x.gz (gzip -9) next to every compressible file of the
 * build, so the server sends 2.7 MB of JavaScript as about 0.6 MB without compressing on
 * each request (server/src/http/staticFiles.ts picks the file by Accept-Encoding). Runs last,
 * after vite-plugin-pwa wrote sw.js [1]. Source maps are left alone: only devtools read them.
 */
export function precompress(): Plugin {
  let outDir = 'dist'
  return {
    name: 'wijktafel-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        const files = await listFiles(outDir)
        await Promise.all(files.filter((f) => COMPRESSIBLE.test(f)).map(compressFile))
      },
    },
  }
}

async function compressFile(file: string): Promise<void> {
  const plain = await readFile(file)
  const [br, gzipped] = await Promise.all([
    brotli(plain, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: plain.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    }),
    gz(plain, { level: 9 }),
  ])
  // A variant that is not smaller is not written: the plain file is served instead.
  if (br.length < plain.length) await writeFile(`${file}.br`, br)
  if (gzipped.length < plain.length) await writeFile(`${file}.gz`, gzipped)
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
}

// [1] The service worker's precache list (globPatterns in vite.config.ts) names .js, .css,
//     .html, .svg and .woff2 files, so the .br/.gz copies never enter it; the worker fetches
//     the plain URLs and the server answers them compressed.
