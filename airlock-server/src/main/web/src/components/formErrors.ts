import type { ApiError } from '../api';

/** Messages for a form's fields, keyed by field name; a field without a message is valid. */
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** The element id of the first field, in form order, that has an error; null when none has. */
export function firstErrorId<F extends string>(
  errors: FieldErrors<F>,
  order: readonly F[],
  ids: Readonly<Record<F, string>>,
): string | null {
  const first = order.find((name) => errors[name] !== undefined);
  return first === undefined ? null : ids[first];
}

/** The server's messages for the fields this form has (other field names in the response are ignored). */
export function serverFieldErrors<F extends string>(error: ApiError, order: readonly F[]): FieldErrors<F> {
  const errors: FieldErrors<F> = {};
  for (const name of order) {
    const message = error.fields[name];
    if (message !== undefined) errors[name] = message;
  }
  return errors;
}
