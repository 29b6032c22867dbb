import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm, type DefaultValues, type FieldErrors, type Path, type PathValue } from 'react-hook-form';
import type { z } from 'zod';
import { ApiError, errorMessage } from '../api';

/** What a form holds: text (inputs and selects) and switches (checkboxes); the schema turns it into a request. */
type FormValues = Record<string, string | boolean>;

/**
 * A form on React Hook Form with a zod schema: the schema's messages and the server's field errors
 * (ApiError.fields) land on the same fields, and the first field with an error, in form order (the order
 * of `ids`), takes focus once the inputs are enabled again. Errors without a field show as `formError`.
 */
export function useSchemaForm<V extends FormValues, Out>(
  schema: z.ZodType<Out, V>,
  defaultValues: V,
  ids: Readonly<Record<keyof V & string, string>>,
) {
  const form = useForm<V, unknown, Out>({
    resolver: zodResolver(schema),
    defaultValues: defaultValues as DefaultValues<V>,
    shouldFocusError: false,
  });
  const [formError, setFormError] = useState<string | null>(null);
  const pendingFocus = useRef<string | null>(null);
  const submitting = form.formState.isSubmitting;
  const order = Object.keys(ids) as (keyof V & string)[];

  // Inputs are disabled while a submission runs: focus moves only once they are enabled again.
  useEffect(() => {
    if (submitting || pendingFocus.current === null) return;
    document.getElementById(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  });

  function focusFirst(hasError: (name: keyof V & string) => boolean) {
    const first = order.find(hasError);
    if (first !== undefined) pendingFocus.current = ids[first];
  }

  /** Props for a checkbox bound to `name`. */
  function checkbox(name: keyof V & string) {
    return {
      id: ids[name],
      checked: form.watch(name as Path<V>) as boolean,
      onChange: (event: { target: { checked: boolean } }) =>
        form.setValue(name as Path<V>, event.target.checked as PathValue<V, Path<V>>, { shouldDirty: true }),
    };
  }

  /** Props for a TextField, SelectField or TextAreaField bound to `name`. */
  function field(name: keyof V & string) {
    return {
      id: ids[name],
      value: form.watch(name as Path<V>) as string,
      onChange: (value: string) =>
        form.setValue(name as Path<V>, value as PathValue<V, Path<V>>, {
          shouldDirty: true,
          shouldValidate: form.formState.isSubmitted,
        }),
      error: (form.formState.errors as FieldErrors<FormValues>)[name]?.message,
    };
  }

  /**
   * The form's submit handler: validates, then sends. `explain` may add field errors the server gives
   * without naming a field (for example a 409 that means the name is taken).
   */
  function onSubmit(
    send: (values: Out) => Promise<void>,
    explain?: (error: ApiError, fields: Partial<Record<keyof V & string, string>>) => void,
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
          const fields: Partial<Record<keyof V & string, string>> = {};
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
          focusFirst((name) => fields[name] !== undefined);
        }
      },
      (errors) => {
        setFormError(null);
        focusFirst((name) => (errors as FieldErrors<FormValues>)[name] !== undefined);
      },
    );
  }

  return { form, field, checkbox, formError, submitting, onSubmit };
}
