import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm, type DefaultValues, type FieldErrors, type Path, type PathValue } from 'react-hook-form';
import type { z } from 'zod';
import { ApiError, errorMessage } from '../api';

/**
 * What a form holds: text (inputs and selects), switches (checkboxes) and lists (chosen ids, schedule
 * windows); the schema turns it into a request.
 */
type FormValues = Record<string, unknown>;

type Name<V> = keyof V & string;

/** The error RHF keeps for a field: its own message, or (for a list) the errors of its items. */
export type FieldError = FieldErrors<FormValues>[string];

/**
 * A form on React Hook Form with a zod schema: the schema's messages and the server's field errors
 * (ApiError.fields) land on the same fields, and the first field with an error, in form order (the order
 * of `ids`), takes focus once the inputs are enabled again. Errors without a field show as `formError`.
 */
export function useSchemaForm<V extends FormValues, Out>(
  schema: z.ZodType<Out, V>,
  defaultValues: V,
  ids: Readonly<Record<Name<V>, string>>,
  /** Where focus goes for a field whose first control is not `ids[name]` (a list's first bad item). */
  focusTarget?: (name: Name<V>, error: FieldError) => string | null,
) {
  const form = useForm<V, unknown, Out>({
    resolver: zodResolver(schema),
    defaultValues: defaultValues as DefaultValues<V>,
    shouldFocusError: false,
  });
  const [formError, setFormError] = useState<string | null>(null);
  const pendingFocus = useRef<string | null>(null);
  const submitting = form.formState.isSubmitting;
  const order = Object.keys(ids) as Name<V>[];
  const errors = form.formState.errors as FieldErrors<FormValues>;

  // Inputs are disabled while a submission runs: focus moves only once they are enabled again.
  useEffect(() => {
    if (submitting || pendingFocus.current === null) return;
    document.getElementById(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  });

  function focusFirst(errorOf: (name: Name<V>) => FieldError) {
    const first = order.find((name) => errorOf(name) !== undefined);
    if (first === undefined) return;
    pendingFocus.current = focusTarget?.(first, errorOf(first)) ?? ids[first];
  }

  /** The value of `name`, a setter that revalidates once the form was submitted, and its own message. */
  function control<K extends Name<V>>(name: K) {
    return {
      value: form.watch(name as string as Path<V>) as V[K],
      onChange: (value: V[K]) =>
        form.setValue(name as string as Path<V>, value as PathValue<V, Path<V>>, {
          shouldDirty: true,
          shouldValidate: form.formState.isSubmitted,
        }),
      error: errors[name]?.message,
    };
  }

  /** Props for a checkbox bound to `name`. */
  function checkbox(name: Name<V>) {
    const { value, onChange } = control(name);
    return {
      id: ids[name],
      checked: value as boolean,
      onChange: (event: { target: { checked: boolean } }) => onChange(event.target.checked as V[typeof name]),
    };
  }

  /** Props for a TextField, SelectField or TextAreaField bound to `name`. */
  function field(name: Name<V>) {
    const bound = control(name);
    return { id: ids[name], ...bound, value: bound.value as string, onChange: bound.onChange as (value: string) => void };
  }

  /** Like `field`, and disabled while the form is being sent (as in dialogs). */
  function lockedField(name: Name<V>) {
    return { ...field(name), disabled: submitting };
  }

  /**
   * The form's submit handler: validates, then sends. `explain` may add field errors the server gives
   * without naming a field (for example a 409 that means the name is taken).
   */
  function onSubmit(
    send: (values: Out) => Promise<void>,
    explain?: (error: ApiError, fields: Partial<Record<Name<V>, string>>) => void,
  ) {
    return form.handleSubmit(
      async (values) => {
        setFormError(null);
        try {
          await send(values);
        } catch (error) {
          if (!(error instanceof ApiError)) {
            setFormError(errorMessage(error));
            return;
          }
          const fields: Partial<Record<Name<V>, string>> = {};
          for (const name of order) {
            const message = error.fields[name];
            if (message !== undefined) fields[name] = message;
          }
          explain?.(error, fields);
          for (const name of order) {
            const message = fields[name];
            if (message !== undefined) form.setError(name as Path<V>, { type: 'server', message });
          }
          setFormError(error.message);
          focusFirst((name) => (fields[name] === undefined ? undefined : { type: 'server', message: fields[name] }));
        }
      },
      (errors) => {
        setFormError(null);
        focusFirst((name) => (errors as FieldErrors<FormValues>)[name]);
      },
    );
  }

  return { form, field, lockedField, checkbox, control, formError, setFormError, submitting, onSubmit };
}
