import { useState } from 'react';
import { ApiError, errorMessage } from '../../api';
import { byId, useDeferredFocus } from '../../components/access/useDeferredFocus';
import { firstErrorId, serverFieldErrors, type FieldErrors } from '../../components/formErrors';

/**
 * A dialog form's submission: the form's own checks first, then the request; field errors from either land
 * on their fields and the first one in form order takes focus. The dialog closes on success, so nothing is
 * reset then.
 */
export function useFieldForm<F extends string>(order: readonly F[], ids: Readonly<Record<F, string>>) {
  const focusLater = useDeferredFocus();
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  function showErrors(next: FieldErrors<F>) {
    setErrors(next);
    const first = firstErrorId(next, order, ids);
    if (first !== null) focusLater(byId(first));
    return first !== null;
  }

  /**
   * @param clientErrors what the form found itself; any stops the request
   * @param send the request, which also hands the result on
   * @param explain adds field errors the server reports without naming a field
   */
  async function submit(
    clientErrors: FieldErrors<F>,
    send: () => Promise<void>,
    explain?: (error: ApiError, fields: FieldErrors<F>) => void,
  ) {
    if (submitting) return;
    setFormError(null);
    if (showErrors(clientErrors)) return;
    setSubmitting(true);
    try {
      await send();
    } catch (error) {
      setSubmitting(false);
      if (error instanceof ApiError) {
        const fields = serverFieldErrors(error, order);
        explain?.(error, fields);
        showErrors(fields);
        setFormError(error.message);
      } else {
        setFormError(errorMessage(error));
      }
    }
  }

  return { errors, formError, submitting, submit };
}
