import { ThreadIcon } from './NodeDiscussionMarks';
import type { CanvasView } from './stance-decorations';
import './discussion-marks.css';

/** The key to what the canvas draws on each node's bottom edge, for the view the panel has chosen. */
export function CanvasLegend({ view }: { view: CanvasView }) {
  const { positions, onCanvas } = view;
  return (
    <div className="cp-talk-legend" data-testid="canvas-legend" aria-label="Canvas key">
      {!onCanvas ? (
        <span>Positions are hidden on the canvas.</span>
      ) : positions.mode === 'group' ? (
        <>
          <span>Claims:</span>
          <span className="cp-talk__chip cp-talk__chip--agree">agreed</span>
          <span className="cp-talk__chip cp-talk__chip--split">split</span>
          <span className="cp-talk__chip cp-talk__chip--disagree">rejected</span>
          <span className="cp-talk__chip cp-talk__chip--unsure">unsure</span>
        </>
      ) : (
        <span>{`Each claim shows ${positions.name}'s position and confidence.`}</span>
      )}
      <span className="cp-talk__threads cp-talk__threads--static" aria-hidden>
        <ThreadIcon />2
      </span>
      <span>open threads (click to read)</span>
    </div>
  );
}
