import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { prefetchBoard } from './lazyBoard'
import { boardIdOf } from './route'
import './styles.css'

// A board link: ask for the board's code before React renders its first frame [1].
if (boardIdOf(location.pathname)) prefetchBoard()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)

// Service workers exist only in secure contexts (https, localhost); on a plain-http LAN
// address the app simply works online only.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  void import('virtual:pwa-register').then(({ registerSW }) => registerSW({ immediate: true }))
}

// [1] vite/boardPreload.ts has usually started these downloads already, from index.html;
// this covers a browser that ignores modulepreload and costs nothing otherwise.
