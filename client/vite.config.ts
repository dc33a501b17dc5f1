import react from '@vitejs/plugin-react'
import { defaultClientConditions, defineConfig } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { boardPreload } from './boardPreload'
import { precompress } from './precompress'

// The sync server serves the built client; in `vite dev` we proxy the API and the
// WebSocket to a server started separately (PORT 8080 by default).
const serverTarget = process.env.WIJKTAFEL_SERVER ?? 'http://localhost:8080'

export default defineConfig({
  plugins: [
    react(),
    // The start page loads without the board (App.tsx, lazyBoard.tsx); a board link fetches
    // the board's chunks alongside the entry. Before VitePWA, which precaches the script.
    boardPreload(),
    // A service worker keeps the application itself (HTML, JS, CSS, fonts, icons) so that a
    // board opened before reloads without a network; the board comes from IndexedDB then.
    VitePWA({
      injectRegister: null,
      registerType: 'autoUpdate',
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,woff2}'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/sync\//, /^\/healthz/],
        runtimeCaching: [
          {
            urlPattern: ({ url }) => url.pathname.startsWith('/assets/'),
            handler: 'CacheFirst',
            options: { cacheName: 'wijktafel-assets' },
          },
          {
            // Photos on boards: immutable under their URL, so a board opened before shows
            // them offline, and PNG/SVG exports (which fetch them) work offline too.
            urlPattern: ({ url, sameOrigin }) =>
              sameOrigin && /^\/api\/boards\/[^/]+\/assets\/[^/]+$/.test(url.pathname),
            handler: 'CacheFirst',
            options: {
              cacheName: 'wijktafel-photos',
              cacheableResponse: { statuses: [200] },
              expiration: { maxEntries: 500, purgeOnQuotaError: true },
            },
          },
        ],
      },
    }),
    // Last: compresses what the other plugins wrote, sw.js included.
    precompress(),
  ],
  // 'source' first (the workspace's TypeScript), then Vite's own browser conditions: without
  // them react-dom/server resolves to its Node build and the page stops on TextEncoder.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: {
    outDir: 'dist',
    sourcemap: true,
    chunkSizeWarningLimit: 4096,
    // tldraw fetches its translations; inlined as data: URLs (English is 3 bytes) the fetch
    // would need `connect-src data:` in the page's CSP (server/src/http/securityHeaders.ts).
    assetsInlineLimit: (file) => (file.endsWith('.json') ? false : undefined),
  },
  server: {
    proxy: {
      '/api': serverTarget,
      '/healthz': serverTarget,
      '/sync': { target: serverTarget.replace(/^http/, 'ws'), ws: true },
    },
  },
})
