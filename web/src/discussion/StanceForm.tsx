import { useState, type FormEvent } from 'react';
import type { Stance } from '@counterpoint/shared';
import { useSetStance } from '../api/useDiscussion';
import { ErrorMessage } from '../components/ErrorMessage';

/** The acting member's position on one claim: agree / disagree / unsure, confidence, a one-line reason. */
export function StanceForm({ mapId, nodeId, mine }: { mapId: string; nodeId: string; mine: Stance | undefined }) {
  const [value, setValue] = useState<Stance['value']>(mine?.value ?? 'agree');
  const [confidence, setConfidence] = useState(mine?.confidence ?? 50);
  const [note, setNote] = useState(mine?.note ?? '');
  const save = useSetStance(mapId);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ nodeId, value, confidence, note });
  };
  return (
    <form className="cp-stance-form" onSubmit={onSubmit} aria-label="Your position">
      <div role="radiogroup" aria-label="Position" className="cp-stance-form__values">
        {(['agree', 'disagree', 'unsure'] as const).map((option) => (
          <label key={option} className={`cp-stance cp-stance--${option}`}>
            <input type="radio" name="stance" value={option} checked={value === option} onChange={() => setValue(option)} />
            {option}
          </label>
        ))}
      </div>
      <label>
        Confidence {confidence}
        <input type="range" min={0} max={100} value={confidence} aria-label="Confidence" onChange={(e) => setConfidence(Number(e.target.value))} />
      </label>
      <input aria-label="Reason" placeholder="Reason (one line, optional)" maxLength={280} value={note} onChange={(e) => setNote(e.target.value)} />
      <button type="submit" className="cp-button--primary" disabled={save.isPending}>
        Save position
      </button>
      {save.error && <ErrorMessage error={save.error} prefix="Could not save" />}
    </form>
  );
}
