import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The gateway serves the built app from its classpath (static/). During development
// `npm run dev` serves the app and forwards API, actuator and WebSocket traffic to a
// locally running airlock-server.
const backend = process.env.AIRLOCK_DEV_BACKEND ?? 'http://localhost:8080';

export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    // Maven passes --outDir <server>/target/classes/static --emptyOutDir; this is the default
    // for a plain `npm run build`.
    outDir: 'dist',
    sourcemap: false,
    target: 'es2022',
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/actuator': { target: backend, changeOrigin: false },
      '/ws': { target: backend, changeOrigin: false, ws: true },
    },
  },
  preview: {
    port: 4173,
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/actuator': { target: backend, changeOrigin: false },
      '/ws': { target: backend, changeOrigin: false, ws: true },
    },
  },
});
