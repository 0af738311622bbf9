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

export interface LayoutInput {
  boxes: LayoutBox[];
  links: LayoutLink[];
}

export interface LayoutRequest extends LayoutInput {
  requestId: number;
}

/**
 * Sent once the opened map is drawn, and when the member reaches for "Auto layout": the worker lays the map out
 * ahead of time, which loads ELK and warms it up, and answers a click on an unchanged map from that.
 */
export interface LayoutWarmUp {
  warmUp: LayoutInput;
}

export type LayoutResponse =
  | { requestId: number; ok: true; positions: Record<string, { x: number; y: number }> }
  | { requestId: number; ok: false; message: string };
