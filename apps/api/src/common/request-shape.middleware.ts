import type { NextFunction, Request, Response } from 'express';

/** No request body Hearth accepts nests deeper than this; deeper is a client's mistake, not work for the validator. */
export const MAX_JSON_DEPTH = 32;

/** What is wrong with the shape of a request's body or query, or null: too deep, or text PostgreSQL cannot store (NUL). */
function shapeProblem(value: unknown): string | null {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (typeof item === 'string' && item.includes('\u0000')) return 'text may not contain NUL (\\u0000) characters';
    if (item === null || typeof item !== 'object') continue;
    if (depth > MAX_JSON_DEPTH) return `the request nests deeper than ${MAX_JSON_DEPTH} levels`;
    for (const [key, child] of Object.entries(item)) {
      if (key.includes('\u0000')) return 'names may not contain NUL (\\u0000) characters';
      // Names every object inherits (__proto__, constructor, toString) slip past whitelists that look them up on the DTO.
      if (key in Object.prototype) return `${key}: is not a field Hearth knows`;
      stack.push([child, depth + 1]);
    }
  }
  return null;
}

/** Refuses with 400, before anything walks it recursively or stores it, a body or query nested too deep or carrying NUL characters. */
export function requestShapeLimits() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const problem = shapeProblem(req.body) ?? shapeProblem(req.query) ?? (req.path.includes('%00') ? 'the path may not contain NUL characters' : null);
    if (problem) {
      res.status(400).json({ statusCode: 400, error: 'invalid-input', message: [problem] });
      return;
    }
    next();
  };
}

/** A body that is not JSON (text/plain, a form) is refused with 415 rather than read as empty. */
export function jsonBodiesOnly() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    if (hasBody && !req.is('application/json')) {
      res.status(415).json({ statusCode: 415, error: 'unsupported-media-type', message: 'send the body as application/json' });
      return;
    }
    next();
  };
}
