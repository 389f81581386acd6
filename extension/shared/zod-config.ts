/**
 * Extension pages and workers run under the default MV3 CSP (no eval), so zod must not probe for
 * `new Function`. Imported first by every entry, before core's modules build their schemas.
 */
import { z } from 'zod';

z.config({ jitless: true });
