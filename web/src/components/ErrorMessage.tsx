import { errorMessage } from '../api/api-error';

/** A failed request or mutation, said in words. */
export function ErrorMessage({ error, prefix }: { error: unknown; prefix?: string }) {
  return (
    <div className="cp-alert cp-alert--error" role="alert">
      {prefix ? `${prefix}: ` : ''}
      {errorMessage(error)}
    </div>
  );
}
