import type { Health } from '@dvc-kit/sdk';
import openapi from '../../openapi.json' with { type: 'json' };
import { fnv1a64 } from '../crypto.ts';
import { cacheableJson, privateJson } from './http.ts';
import type { RouteContext, RouteTable } from './types.ts';

export function metaRoutes(context: RouteContext): RouteTable {
  const { catalogue } = context;
  const openapiVersion = fnv1a64(JSON.stringify(openapi));
  return [
    {
      method: 'GET', path: '/v1/health', handler: (c) => {
        const health: Health = { status: 'ok', version: context.version, procedures: catalogue.size, detailed: catalogue.detailedCount };
        return privateJson(c, health);
      },
    },
    { method: 'GET', path: '/v1/openapi.json', handler: (c) => cacheableJson(c, openapiVersion, () => openapi) },
  ];
}
