/** Messages between the page and the layout worker. */

export interface LayoutBox {
  id: string;
  width: number;
  height: number;
}

export interface LayoutLink {
  id: string;
  /** Drawn below `target`: layout puts what supports something under it. */
  source: string;
  target: string;
}

export interface LayoutRequest {
  requestId: number;
  boxes: LayoutBox[];
  links: LayoutLink[];
}

/** Sent when the editor opens: the worker readies what a map of this size will need, before the first click. */
export interface LayoutWarmUp {
  warmUp: { boxCount: number };
}

export type LayoutResponse =
  | { requestId: number; ok: true; positions: Record<string, { x: number; y: number }> }
  | { requestId: number; ok: false; message: string };
