import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The sync server serves the built client; in `vite dev` we proxy the API and the
// WebSocket to a server started separately (PORT 8080 by default).
const serverTarget = process.env.WIJKTAFEL_SERVER ?? 'http://localhost:8080'

export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['source'] },
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 4096 },
  server: {
    proxy: {
      '/api': serverTarget,
      '/healthz': serverTarget,
      '/sync': { target: serverTarget.replace(/^http/, 'ws'), ws: true },
    },
  },
})
