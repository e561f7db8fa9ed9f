import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { NextFunction, Request, Response } from 'express';

export const WEB_APP_PATH = '/app';

/**
 * Serves the staff web app (built into `webAppDir` by `npm run build`) under /app: hashed assets
 * cached for good, every other path under /app answered with the app's page (it routes in the
 * browser), and / sent to /app/. Nothing is served when the app was not built.
 */
export function webApp(webAppDir: string): ((request: Request, response: Response, next: NextFunction) => void)[] {
  const index = join(webAppDir, 'index.html');
  if (!existsSync(index)) return [];
  const assets = express.static(webAppDir, { index: false, immutable: true, maxAge: '365d', fallthrough: true });
  return [
    (request, response, next) => {
      if (request.method === 'GET' && request.path === '/') return response.redirect(302, `${WEB_APP_PATH}/`);
      if (!request.path.startsWith(`${WEB_APP_PATH}/`) && request.path !== WEB_APP_PATH) return next();
      if (request.method !== 'GET' && request.method !== 'HEAD') return next();
      const inner = request.path.slice(WEB_APP_PATH.length) || '/';
      if (inner.startsWith('/assets/')) {
        request.url = inner;
        return assets(request, response, next);
      }
      response.setHeader('Cache-Control', 'no-cache');
      response.sendFile(index);
    },
  ];
}
