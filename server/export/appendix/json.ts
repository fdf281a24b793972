/** The JSON appendix: the register itself (docs: the register format), as `oda-register export --format json` writes it. */
import type { StoredRegister } from '../../store/types.js';

export function renderJson(stored: StoredRegister): Buffer {
  return Buffer.from(`${JSON.stringify(stored.register, null, 2)}\n`, 'utf8');
}
