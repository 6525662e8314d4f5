// Loaded first by the Excel taskpane and written in ES3, so that it parses in Internet Explorer 11:
// Office builds without Microsoft Edge WebView2 show add-ins with it (docs/hosts.md, "Browsers"), and
// there the ES2020 bundles never parse and the pane would stay on "Connecting…". taskpane.js sets
// window.kamStarted as its first act; if it has not by the time the page has loaded, say why here.
(function () {
  var TRIDENT_MESSAGE =
    'KAM Portfolio needs Microsoft Edge WebView2, and this copy of Office shows add-ins with Internet Explorer. ' +
    'Ask your IT department to install the Microsoft Edge WebView2 Runtime (or to update Office), then open KAM Portfolio again.';
  var OTHER_MESSAGE =
    'KAM Portfolio could not start in this browser. It needs a current browser (Microsoft Edge, Chrome, Firefox or Safari), ' +
    'or Microsoft Edge WebView2 in Office on Windows. Reload the page; if this message stays, update the browser or Office.';

  function show() {
    if (window.kamStarted) return;
    var status = document.getElementById('host-status');
    if (!status) return;
    var legacy = navigator.userAgent.indexOf('Trident') !== -1 || navigator.userAgent.indexOf('MSIE') !== -1;
    // Text only: the message is a text node, never markup.
    while (status.firstChild) status.removeChild(status.firstChild);
    status.appendChild(document.createTextNode(legacy ? TRIDENT_MESSAGE : OTHER_MESSAGE));
    status.className = 'status error';
    var start = document.getElementById('start-button');
    if (start) start.disabled = true;
  }

  if (window.addEventListener) window.addEventListener('load', show, false);
  else if (window.attachEvent) window.attachEvent('onload', show);
})();
