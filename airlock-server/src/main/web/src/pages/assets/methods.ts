import { protocolLabel } from '../../labels';
import type { AccessMethod } from '../../types';

/** "SSH on port 22": how the page and its dialogs name an access method. */
export function methodName(method: AccessMethod): string {
  return `${protocolLabel(method.protocol)} on port ${method.port}`;
}

/** The trimmed value, or null when nothing but spaces was entered. */
export function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
