import { invertOps, undoableNow, type Graph, type Op } from '@counterpoint/shared';
import type { LocalEdit, MapDocument } from '../sync/map-document';

interface Step {
  /** The ops that take this step back, computed against the map as it was before the step. */
  inverse: Op[];
  /** The map right after the step: what "mine" means when deciding what may still be undone. */
  mine: Graph;
}

export interface UndoState {
  canUndo: boolean;
  canRedo: boolean;
}

/**
 * Per-member undo and redo in a shared map. Records this tab's own edits (never others'), and undoes one by
 * applying inverse ops as a new edit — through the same op pipeline, so everyone sees the undo. Last writer
 * wins per field: what someone else changed since is left alone, and the member is told so.
 */
export class UndoManager {
  private undoStack: Step[] = [];
  private redoStack: Step[] = [];
  /** True while applying an undo or redo, whose edit must not be recorded as a new step. */
  private replaying = false;
  private state: UndoState = { canUndo: false, canRedo: false };
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribe: () => void;

  constructor(private readonly doc: MapDocument, private readonly limit = 200) {
    this.unsubscribe = doc.onLocalEdit((edit) => this.record(edit));
  }

  getState = (): UndoState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  undo(): void {
    this.travel(this.undoStack, this.redoStack, 'undo');
  }

  redo(): void {
    this.travel(this.redoStack, this.undoStack, 'redo');
  }

  dispose(): void {
    this.unsubscribe();
    this.listeners.clear();
  }

  private record(edit: LocalEdit): void {
    if (this.replaying) return;
    this.undoStack.push({ inverse: invertOps(edit.before, edit.ops, { actorId: edit.actorId }), mine: edit.after });
    if (this.undoStack.length > this.limit) this.undoStack.shift();
    this.redoStack = [];
    this.changed();
  }

  /** Takes the newest step of `from`, applies what of it can still be applied, and files its inverse in `to`. */
  private travel(from: Step[], to: Step[], what: 'undo' | 'redo'): void {
    const step = from.pop();
    if (!step) return;
    const current = this.doc.getState().graph;
    const plan = undoableNow(current, step.inverse, step.mine);
    if (plan.ops.length > 0) {
      this.replaying = true;
      let error;
      try {
        error = this.doc.apply(plan.ops);
      } finally {
        this.replaying = false;
      }
      if (!error) {
        const after = this.doc.getState().graph;
        to.push({ inverse: invertOps(current, plan.ops), mine: after });
      }
    }
    if (plan.skipped.length > 0) {
      this.doc.showNotice(`${what === 'undo' ? 'Undo' : 'Redo'}: ${plan.skipped.map((s) => s.replace(/\.?$/, '.')).join(' ')}`, 'UNDO_PARTIAL');
    } else if (plan.ops.length === 0) {
      this.doc.showNotice(`Nothing left to ${what} there: others have changed it since.`, 'UNDO_PARTIAL');
    }
    this.changed();
  }

  private changed(): void {
    this.state = { canUndo: this.undoStack.length > 0, canRedo: this.redoStack.length > 0 };
    for (const listener of this.listeners) listener();
  }
}
