import type { Context, Handler } from 'hono';
import type { CaptchaVerifier, Limits } from '../app.ts';
import type { Catalogue } from '../catalog/index.ts';
import type { Locale } from '../locale.ts';
import type { RateLimiter } from '../rate-limit.ts';
import type { Store } from '../store.ts';

export interface AppEnv {
  Variables: { locale: Locale };
}

/** What every route module gets from `createApp`. */
export interface RouteContext {
  catalogue: Catalogue;
  store: Store;
  clock: () => Date;
  limits: Limits;
  captcha: CaptchaVerifier | undefined;
  version: string;
  clientOf: (c: Context<AppEnv>) => string;
  lookupsPerClient: RateLimiter;
  postsPerClient: RateLimiter;
  failedLookupsPerCode: RateLimiter;
}

export type RouteTable = { method: 'GET' | 'POST'; path: string; handler: Handler<AppEnv> }[];
