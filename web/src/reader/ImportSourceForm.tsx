import { SOURCE_UPLOAD_EXTENSIONS, SourceKind, type SourceDetail } from '@counterpoint/shared';
import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../components/ErrorMessage';
import { useImportSource } from './useReaderQueries';

const KIND_LABELS: Record<SourceKind, string> = {
  essay: 'Essay',
  book: 'Book',
  chapter: 'Chapter',
  blog_post: 'Blog post',
  comment_thread: 'Comment thread',
  letter: 'Letter',
  other: 'Other',
};

/** Import a source: paste its text or choose a .txt, .md or .html file, with title, author, date, URL and kind. */
export function ImportSourceForm({ groupId, onDone, onCancel }: { groupId: string; onDone(source: SourceDetail): void; onCancel(): void }) {
  const [meta, setMeta] = useState({ title: '', kind: 'essay' as SourceKind, author: '', date: '', url: '' });
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const importing = useImportSource(groupId);
  const field = (name: keyof typeof meta) => ({
    value: meta[name],
    onChange: (e: { target: { value: string } }) => setMeta((m) => ({ ...m, [name]: e.target.value })),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const optional = (value: string) => (value.trim() ? value.trim() : null);
    const input = file
      ? { file, meta: Object.fromEntries(Object.entries(meta).filter(([, v]) => v.trim())) }
      : { body: { title: meta.title, kind: meta.kind, author: optional(meta.author), date: optional(meta.date), url: optional(meta.url), text } };
    importing.mutate(input, { onSuccess: onDone });
  };

  return (
    <form className="cp-reader__form" data-testid="import-source-form" onSubmit={submit}>
      <h3>Import a source</h3>
      <label>
        Title {file ? '(optional: the file name or page title)' : ''}
        <input {...field('title')} required={!file} maxLength={300} />
      </label>
      <div className="cp-reader__form-row">
        <label>
          Kind
          <select {...field('kind')}>
            {SourceKind.options.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Date
          <input {...field('date')} placeholder="2009" maxLength={50} />
        </label>
      </div>
      <label>
        Author
        <input {...field('author')} maxLength={300} />
      </label>
      <label>
        URL
        <input {...field('url')} type="url" placeholder="https://…" />
      </label>
      <label>
        File ({SOURCE_UPLOAD_EXTENSIONS.join(', ')}; HTML is reduced to its text)
        <input type="file" data-testid="import-source-file" accept={SOURCE_UPLOAD_EXTENSIONS.join(',')} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </label>
      {!file && (
        <label>
          …or paste the text
          <textarea data-testid="import-source-text" value={text} onChange={(e) => setText(e.target.value)} rows={6} required />
        </label>
      )}
      {importing.error && <ErrorMessage error={importing.error} prefix="Not imported" />}
      <div className="cp-reader__form-actions">
        <button type="submit" className="cp-button--primary" data-testid="import-source-submit" disabled={importing.isPending}>
          {importing.isPending ? 'Importing…' : 'Import'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
