import { IMPORT_MAX_BYTES, type ImportFormat } from '@counterpoint/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { mapKeys } from '../api/query-keys';
import { guessFormat, previewImport, runImport } from './api';

export interface ChosenFile {
  name: string;
  text: string;
}

/**
 * The state of an import: the chosen file and format, its dry-run preview (re-run when the format changes),
 * and the import itself with its progress. Nothing is written before `start`.
 */
export function useImportFile(groupId: string) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [format, setFormat] = useState<ImportFormat>('json');
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ written: number; total: number } | null>(null);

  const preview = useMutation({
    mutationFn: ({ text, format }: { text: string; format: ImportFormat }) => previewImport(groupId, format, text),
  });
  const run = useMutation({
    mutationFn: ({ title }: { title: string }) => runImport(groupId, format, file!.text, title, (written, total) => setProgress({ written, total })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mapKeys.lists() }),
  });

  return {
    file,
    format,
    tooLarge,
    preview,
    run,
    progress,
    async choose(chosen: File) {
      preview.reset();
      run.reset();
      setFile(null);
      // Checked here too, so a huge file is refused before it is read or sent.
      if (chosen.size > IMPORT_MAX_BYTES) {
        setTooLarge(`“${chosen.name}” is ${(chosen.size / 1024 / 1024).toFixed(1)} MB; an import takes files up to ${IMPORT_MAX_BYTES / 1024 / 1024} MB.`);
        return;
      }
      setTooLarge(null);
      const text = await chosen.text();
      const guessed = guessFormat(chosen.name, text);
      setFile({ name: chosen.name, text });
      setFormat(guessed);
      preview.mutate({ text, format: guessed });
    },
    changeFormat(next: ImportFormat) {
      setFormat(next);
      if (file) preview.mutate({ text: file.text, format: next });
    },
  };
}
