import { useState, type FormEvent } from 'react';

export interface FormField {
  name: string;
  label: string;
  testId: string;
  initial?: string;
  required?: boolean;
  placeholder?: string;
  maxLength?: number;
}

interface Props {
  fields: readonly FormField[];
  submitLabel: string;
  submitTestId: string;
  onSubmit(values: Record<string, string>): void;
  onCancel(): void;
}

/** A small form inside the Readings panel (new event, new reading, rename); Escape cancels. */
export function InlineForm({ fields, submitLabel, submitTestId, onSubmit, onCancel }: Props) {
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((f) => [f.name, f.initial ?? ''])),
  );
  const missing = fields.some((f) => f.required && !values[f.name]!.trim());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (missing) return;
    onSubmit(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()])));
  };
  return (
    <form className="cp-inline-form" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      {fields.map((field, i) => (
        <label key={field.name} className="cp-inline-form__field">
          <span>{field.label}</span>
          <input
            data-testid={field.testId}
            value={values[field.name]}
            placeholder={field.placeholder}
            maxLength={field.maxLength ?? 200}
            autoFocus={i === 0}
            onChange={(e) => setValues((v) => ({ ...v, [field.name]: e.target.value }))}
          />
        </label>
      ))}
      <div className="cp-inline-form__actions">
        <button type="submit" className="cp-button--primary" data-testid={submitTestId} disabled={missing}>
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
