import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { precompress } from './build/precompress';

// In `vite` dev mode the API and socket.io live on the server (npm start, port 3000).
export default defineConfig({
  plugins: [
    react(),
    // The service worker (src/sw.ts): the app shell and the teacher's open tasks offline.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      injectRegister: false,
      manifest: false,
      injectManifest: {
        // index.html is not precached: the server writes a fresh CSP nonce into every copy.
        globPatterns: ['**/*.{js,css,svg,woff2}'],
        globIgnores: ['sw.js'],
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
      },
    }),
    precompress(),
  ],
  server: {
    proxy: {
      '/trpc': 'http://localhost:3000',
      '/socket.io': { target: 'http://localhost:3000', ws: true },
    },
  },
  build: { sourcemap: true, chunkSizeWarningLimit: 600 },
});
