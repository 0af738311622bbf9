import type { ReadingsWorkspace } from './useReadingsWorkspace';
import './readings.css';

/** Header buttons: the Readings panel, and the in / out / undecided labels on the canvas. */
export function ReadingsControls({ workspace }: { workspace: ReadingsWorkspace }) {
  const { panelOpen, setPanelOpen, labelsShown, setLabelsShown } = workspace;
  return (
    <div className="cp-readings-controls">
      <button type="button" data-testid="readings-toggle" aria-pressed={panelOpen} onClick={() => setPanelOpen(!panelOpen)}>
        Readings
      </button>
      <button
        type="button"
        data-testid="labels-toggle"
        aria-pressed={labelsShown}
        title="Show which claims stand: in / out / undecided (grounded semantics)"
        onClick={() => setLabelsShown(!labelsShown)}
      >
        Labels
      </button>
    </div>
  );
}
