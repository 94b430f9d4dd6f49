import { createContext } from '@lit/context';
import type { DvcClient } from '@dvc-kit/sdk';

/**
 * The client every dvc element under a `<dvc-provider>` uses. The key is a registered symbol so that two copies
 * of dvc-kit on one page (e.g. two bundle versions) still find each other's provider.
 */
export const dvcClientContext = createContext<DvcClient | undefined>(Symbol.for('dvc-kit/client'));
