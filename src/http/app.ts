import express, { type Express, type RequestHandler } from 'express';
import type { Core } from '../app.js';
import { errorHandler } from './errors.js';

export interface HttpOptions {
  core: Core;
  /** Reports whether the job scheduler is running (absent on a web-only instance). */
  jobsReady?: () => boolean;
  /** Extra routers mounted before the error handler: webhooks, the playground. */
  mount?: (app: Express) => void;
}

/**
 * The express app: health checks, then whatever the running roles mount (webhooks, the
 * playground), then the single error handler.
 */
export function createHttpApp({ core, jobsReady, mount }: HttpOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) });
  });

  const ready: RequestHandler = async (_req, res) => {
    const database = await core.store.ping();
    const jobs = jobsReady ? jobsReady() : null;
    const ok = database && jobs !== false;
    res.status(ok ? 200 : 503).json({
      status: ok ? 'ready' : 'not-ready',
      database: { ok: database, kind: core.database.kind },
      jobs: jobs === null ? { ok: true, role: 'not running here' } : { ok: jobs },
    });
  };
  app.get('/readyz', ready);

  mount?.(app);

  app.use((_req, res) => {
    res.status(404).json({ error: { code: 'not_found', message: 'No such page' } });
  });
  app.use(errorHandler(core.logger));
  return app;
}
