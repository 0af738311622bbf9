// A map opened by its address needs the visitor's session, the map's snapshot and the editor's code before it can
// draw anything. The app's own code takes ~0.3 s to arrive and start (P5 in tests/bench/RESULTS.md), so this
// classic script, which runs as soon as the page's head is read, asks for all three now; the app's API client
// (web/src/api/http.ts) takes these answers instead of asking again. Only plain GETs of the page's own API, each
// used once. The editor's chunk is named by the build (web/build/editor-chunk-meta.ts).
(function () {
  var early = (window.__earlyGets = {});
  function get(path) {
    early[path] = fetch(path, { headers: { accept: 'application/json' } });
    early[path].catch(function () {}); // the app asks again if it fails
  }
  var map = /^\/maps\/([0-9a-f-]{36})\/?$/i.exec(location.pathname);
  if (map) {
    get('/api/auth/me');
    get('/api/maps/' + map[1]);
    var chunk = document.querySelector('meta[name="cp-editor-chunk"]');
    if (chunk) {
      var link = document.createElement('link');
      link.rel = 'modulepreload';
      link.href = chunk.getAttribute('content');
      document.head.appendChild(link);
    }
  }
})();
