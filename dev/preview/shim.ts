// google.script.run for the preview: injected into the served sidebar HTML ahead of the sidebar's own script.
// Like Apps Script's, it offers one method per top-level server function (gas-client lists them from it),
// carries arguments and results as JSON, and calls the failure handler with an Error carrying the server's
// message. Each call is a POST to the preview server, which runs the real dist/Code.js in the stand-in.
// https://developers.google.com/apps-script/guides/html/reference/run

/** JSON that is safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function shimSource(functionNames: string[]): string {
  return `(function () {
  var names = ${scriptJson(functionNames)};
  function tell(message) {
    if (window.parent !== window) window.parent.postMessage(message, window.location.origin);
  }
  function call(name, args, onSuccess, onFailure, userObject) {
    var body;
    try {
      body = JSON.stringify({ name: name, args: args, from: 'sidebar' });
    } catch (e) {
      body = null;
    }
    function fail(message) {
      var error = new Error(message);
      if (onFailure) onFailure(error, userObject);
      else console.error(error);
    }
    if (body === null) return setTimeout(function () { fail('google.script.run cannot send these arguments.'); });
    fetch('/api/run', { method: 'POST', headers: { 'content-type': 'application/json' }, body: body })
      .then(function (response) { return response.json(); })
      .then(function (result) {
        tell({ source: 'partner-segments-preview', type: 'ran', name: name, news: result.news });
        if (result.ok) { if (onSuccess) onSuccess(result.value === undefined ? undefined : result.value, userObject); }
        else fail(result.error);
      }, function (error) {
        fail('The preview server did not answer (' + error.message + '). Is npm start still running?');
      });
  }
  function runner(onSuccess, onFailure, userObject) {
    var run = {
      withSuccessHandler: function (f) { return runner(f, onFailure, userObject); },
      withFailureHandler: function (f) { return runner(onSuccess, f, userObject); },
      withUserObject: function (o) { return runner(onSuccess, onFailure, o); },
      withLogger: function () { return run; }
    };
    names.forEach(function (name) {
      run[name] = function () { call(name, Array.prototype.slice.call(arguments), onSuccess, onFailure, userObject); };
    });
    return run;
  }
  window.google = {
    script: {
      run: runner(null, null, undefined),
      host: {
        origin: window.location.origin,
        close: function () { tell({ source: 'partner-segments-preview', type: 'close' }); },
        setHeight: function () {},
        setWidth: function () {},
        editor: { focus: function () { tell({ source: 'partner-segments-preview', type: 'focusEditor' }); } }
      }
    }
  };
})();`;
}

/** The sidebar HTML with the shim as its first script. */
export function withShim(html: string, functionNames: string[]): string {
  const script = `<script>${shimSource(functionNames)}</script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (head)
    return html.slice(0, head.index + head[0].length) + script + html.slice(head.index + head[0].length);
  return script + html;
}
