import type { Plugin } from 'vite';

/**
 * Names the built map editor chunk in index.html (`<meta name="cp-editor-chunk">`), so that
 * public/early-requests.js can start loading it from the page head when a map is opened by its address, instead
 * of after the app's own script has run (~0.3 s later; P5 in tests/bench/RESULTS.md). Build only: in dev, Vite
 * serves modules one by one and there is no chunk to name.
 */
export function editorChunkMeta(): Plugin {
  return {
    name: 'counterpoint-editor-chunk-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const chunk = Object.values(context.bundle ?? {}).find(
          (output) => output.type === 'chunk' && output.isDynamicEntry && output.facadeModuleId?.endsWith('/pages/MapEditorPage.tsx'),
        );
        if (!chunk) throw new Error('editor-chunk-meta: no MapEditorPage chunk in the build');
        return [{ tag: 'meta', attrs: { name: 'cp-editor-chunk', content: `/${chunk.fileName}` }, injectTo: 'head-prepend' }];
      },
    },
  };
}
