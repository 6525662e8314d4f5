// Test support: a page served the way Apps Script's HtmlService serves a sidebar, as far as public
// reports describe it (docs/hosts.md, "HtmlService rewrites what you ship"): the spreadsheet page holds
// a 300 px frame from Google's sandbox origin, which writes the user's HTML with document.write into a
// nested frame, after dropping the text from "//" to the end of a line and every "/* … */" inside
// inline <script> and <style> elements, even inside strings. google.script.run is a stand-in that
// forwards each call to a function of the test (the built Code.js in a vm).
import type { Page } from 'playwright-core';

/** Where the stand-in pages live: the spreadsheet's origin and the sandbox's, distinct as they are at Google. */
export const SPREADSHEET_URL = 'https://docs.google.com/spreadsheets/d/kam-test/edit';
export const SANDBOX_URL = 'https://n-kamtest-0lu-script.googleusercontent.com/userCodeAppPanel';
export const USER_FRAME = 'userHtmlFrame';

/** HtmlService's comment stripping, applied to the inline scripts and styles of a page. */
export function stripLikeHtmlService(html: string): string {
  return html.replace(/(<(script|style)\b(?![^>]*\bsrc=)[^>]*>)([\s\S]*?)(<\/\2>)/gi, (_m, open: string, _tag: string, body: string, close: string) =>
    open + body.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n\r]*/g, '') + close,
  );
}

/** google.script.run in the user frame: each call goes to the sandbox frame's __kamBridge (exposed by the test). */
const RUN_STAND_IN = `function (bridge) {
  function runner(ok, fail) {
    return new Proxy({}, { get: function (_, name) {
      if (name === 'withSuccessHandler') return function (fn) { return runner(fn, fail); };
      if (name === 'withFailureHandler') return function (fn) { return runner(ok, fn); };
      return function () {
        var args = Array.prototype.slice.call(arguments);
        bridge(String(name), JSON.stringify(args)).then(function (text) {
          var r = JSON.parse(text);
          if (r.error) { if (fail) fail(new Error(r.error)); } else if (ok) { ok(r.value); }
        }, function (e) { if (fail) fail(e); });
      };
    } });
  }
  return { script: { run: runner(null, null) } };
}`;

/** The sandbox frame: writes the (stripped) user HTML into a nested frame with document.write. */
function sandboxPage(userHtml: string): string {
  // Inside this page's own script the user HTML is a JSON string; "<" escaped so it cannot end the script.
  const literal = JSON.stringify(userHtml).replace(/</g, '\\u003c');
  return `<!doctype html><html><head><meta charset="utf-8"></head>
<body style="margin:0"><iframe id="${USER_FRAME}" name="${USER_FRAME}" style="border:0;width:100%;height:100vh"></iframe>
<script>
(function () {
  var frame = document.getElementById('${USER_FRAME}');
  var doc = frame.contentDocument;
  doc.open();
  frame.contentWindow.google = (${RUN_STAND_IN})(function (name, args) { return window.__kamBridge(name, args); });
  doc.write(${literal});
  doc.close();
})();
</script></body></html>`;
}

/** The spreadsheet page: the sidebar frame, 300 px wide as Sheets shows it. */
const SPREADSHEET_PAGE = `<!doctype html><html><body style="margin:0;display:flex">
<div style="flex:1">Spreadsheet</div>
<iframe id="sidebar" src="${SANDBOX_URL}" style="width:300px;height:100vh;border:0"></iframe>
</body></html>`;

/**
 * Serves `sidebarHtml` as HtmlService would and opens the spreadsheet page; `call` answers
 * google.script.run calls. `strip: false` leaves out the comment stripping (to show what it causes).
 */
export async function openLikeHtmlService(
  page: Page,
  sidebarHtml: string,
  call: (name: string, args: unknown[]) => unknown,
  { strip = true } = {},
): Promise<void> {
  await page.exposeFunction('__kamBridge', (name: string, args: string) => {
    try {
      return JSON.stringify({ value: call(name, JSON.parse(args)) });
    } catch (error) {
      return JSON.stringify({ error: error instanceof Error ? error.message : String(error) });
    }
  });
  await page.route(SPREADSHEET_URL, (route) => route.fulfill({ body: SPREADSHEET_PAGE, contentType: 'text/html' }));
  await page.route(SANDBOX_URL, (route) => route.fulfill({ body: sandboxPage(strip ? stripLikeHtmlService(sidebarHtml) : sidebarHtml), contentType: 'text/html' }));
  await page.goto(SPREADSHEET_URL);
}
