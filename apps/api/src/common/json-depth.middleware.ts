import type { NextFunction, Request, Response } from 'express';

/** No request body Hearth accepts nests deeper than this; deeper is a client's mistake, not work for the validator. */
export const MAX_JSON_DEPTH = 32;

function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_JSON_DEPTH) return deepest;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Refuses a JSON body nested deeper than MAX_JSON_DEPTH with 400, before anything walks it recursively. */
export function jsonDepthLimit() {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (depthOf(req.body) > MAX_JSON_DEPTH) {
      res.status(400).json({ statusCode: 400, error: 'invalid-input', message: [`the body nests deeper than ${MAX_JSON_DEPTH} levels`] });
      return;
    }
    next();
  };
}
