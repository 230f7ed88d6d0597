import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In `vite` dev mode the API and socket.io live on the server (npm start, port 3000).
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/trpc': 'http://localhost:3000',
      '/socket.io': { target: 'http://localhost:3000', ws: true },
    },
  },
  build: { sourcemap: true, chunkSizeWarningLimit: 600 },
});
