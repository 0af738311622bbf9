import type { QuoteSelector } from '@counterpoint/shared';
import { createContext, useContext } from 'react';

/**
 * Opens a quotation in the source reader. This is the hook the compare view calls when an evidence item is
 * clicked: the map editor page provides it once it has a source-reader panel (until then it is null and a click
 * only shows the evidence on the canvas).
 */
export type OpenInReader = (evidence: { nodeId: string; quote: QuoteSelector }) => void;

export const OpenInReaderContext = createContext<OpenInReader | null>(null);

export const useOpenInReader = () => useContext(OpenInReaderContext);
