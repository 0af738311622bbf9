import { EXPORT_FILES, ExportFormat, fileStem, type MapSnapshot } from '@counterpoint/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useReactFlow } from '@xyflow/react';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'wouter';
import { mapKeys } from '../api/query-keys';
import { exportUrl } from './api';
import { download, renderMapImage, type ImageFormat } from './image-export';
import './interchange.css';

type Status = { kind: 'busy' | 'done' | 'error'; text: string } | null;

const IMAGES: { format: ImageFormat; what: 'map' | 'view'; label: string }[] = [
  { format: 'png', what: 'map', label: 'PNG — whole map' },
  { format: 'png', what: 'view', label: 'PNG — current view' },
  { format: 'svg', what: 'map', label: 'SVG — whole map' },
  { format: 'svg', what: 'view', label: 'SVG — current view' },
];

/**
 * The editor's Export menu: the map as a file in each format (downloaded from the API), the printable outline,
 * and images of the canvas drawn in the browser. Lives in the canvas toolbar, inside React Flow.
 */
export function ExportMenu() {
  const { mapId = '' } = useParams<{ mapId: string }>();
  const flow = useReactFlow();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  const title = queryClient.getQueryData<MapSnapshot>(mapKeys.detail(mapId))?.map.title ?? 'map';
  const image = async (format: ImageFormat, what: 'map' | 'view') => {
    const canvas = root.current?.closest<HTMLElement>('.react-flow');
    if (!canvas) return;
    setOpen(false);
    setStatus({ kind: 'busy', text: 'Drawing the image…' });
    try {
      const result = await renderMapImage(flow, canvas, format, what);
      download(result.dataUrl, `${fileStem(title)}${what === 'view' ? '-view' : ''}.${format}`);
      setStatus({ kind: 'done', text: result.notice ?? `Saved a ${result.width} × ${result.height} ${format.toUpperCase()}.` });
    } catch (error) {
      setStatus({ kind: 'error', text: error instanceof Error ? error.message : 'The image could not be drawn.' });
    }
  };

  return (
    <div className="cp-export" ref={root}>
      <button type="button" data-testid="export-menu" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        Export ▾
      </button>
      {open && (
        <div className="cp-export__menu" role="menu" aria-label="Export">
          <div className="cp-export__group">Files</div>
          {ExportFormat.options.map((format) => (
            <a key={format} role="menuitem" href={exportUrl(mapId, format)} download onClick={() => setOpen(false)} data-testid={`export-${format}`}>
              {EXPORT_FILES[format].name}
            </a>
          ))}
          <Link role="menuitem" href={`/maps/${mapId}/outline`} data-testid="export-outline-view">
            Outline view (print or PDF)
          </Link>
          <div className="cp-export__group">Images</div>
          {IMAGES.map((item) => (
            <button key={item.label} type="button" role="menuitem" data-testid={`export-${item.format}-${item.what}`} onClick={() => void image(item.format, item.what)}>
              {item.label}
            </button>
          ))}
        </div>
      )}
      {status && (
        <div className={`cp-export__status cp-export__status--${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.text}
          {status.kind !== 'busy' && (
            <button type="button" className="cp-export__dismiss" aria-label="Dismiss" onClick={() => setStatus(null)}>
              ×
            </button>
          )}
        </div>
      )}
    </div>
  );
}
