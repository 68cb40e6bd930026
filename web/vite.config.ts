import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The api (all-in-one) listens on 8080 by default; the dev server forwards to it.
const API_TARGET = 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 4096 },
  server: {
    proxy: {
      '/api': { target: API_TARGET, changeOrigin: false, ws: true },
      '/open311': { target: API_TARGET, changeOrigin: false },
    },
  },
});
