import { describeError } from '../conversation/engine.js';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger.js';

/** An API error with the `{error: {code, message, field}}` body every client can rely on. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** The one place where errors become HTTP answers; never a stack trace to the client. */
export function errorHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (error instanceof HttpError) {
      res.status(error.status).json({
        error: { code: error.code, message: error.message, field: error.field },
      });
      return;
    }
    const status = (error as { status?: number; type?: string }).status;
    if (status && status >= 400 && status < 500) {
      res.status(status).json({
        error: { code: 'bad_request', message: 'The request could not be read (malformed JSON?)' },
      });
      return;
    }
    logger.error({ error: describeError(error), path: req.path }, 'request failed');
    res.status(500).json({ error: { code: 'internal', message: 'Something went wrong' } });
  };
}
