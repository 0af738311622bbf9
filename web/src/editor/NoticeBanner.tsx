import type { Notice } from '../sync/map-document';

interface Props {
  notice: Notice;
  onDismiss(): void;
  onRetry?: () => void;
}

/** The message of the last refused edit or connection problem; stays until dismissed or replaced. */
export function NoticeBanner({ notice, onDismiss, onRetry }: Props) {
  return (
    <div className="cp-notice" role="alert" key={notice.id}>
      <span className="cp-notice__message">{notice.message}</span>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Retry now
        </button>
      )}
      <button type="button" aria-label="Dismiss message" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
