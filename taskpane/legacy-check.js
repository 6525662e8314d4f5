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

  // The catalogs live in the bundle that did not run: this one message is kept here in both languages, chosen
  // as the wizard would choose (the user's remembered choice, else the browser's language).
  var TRIDENT_MESSAGE_ES =
    'KAM Portfolio necesita Microsoft Edge WebView2, y esta copia de Office muestra los complementos con Internet Explorer. ' +
    'Pide a tu departamento de TI que instale Microsoft Edge WebView2 Runtime (o que actualice Office) y vuelve a abrir KAM Portfolio.';
  var OTHER_MESSAGE_ES =
    'KAM Portfolio no se ha podido iniciar en este navegador. Necesita un navegador actual (Microsoft Edge, Chrome, Firefox o Safari), ' +
    'o Microsoft Edge WebView2 en Office para Windows. Vuelve a cargar la página; si el mensaje sigue, actualiza el navegador u Office.';

  function spanish() {
    var chosen = null;
    try {
      chosen = window.localStorage ? window.localStorage.getItem('kam-portfolio.language') : null;
    } catch (e) {
      chosen = null;
    }
    var tag = chosen || navigator.language || navigator.userLanguage || '';
    return String(tag).toLowerCase().substring(0, 2) === 'es';
  }

  function show() {
    if (window.kamStarted) return;
    var status = document.getElementById('host-status');
    if (!status) return;
    var legacy = navigator.userAgent.indexOf('Trident') !== -1 || navigator.userAgent.indexOf('MSIE') !== -1;
    // Text only: the message is a text node, never markup.
    while (status.firstChild) status.removeChild(status.firstChild);
    var es = spanish();
    if (es) document.documentElement.lang = 'es';
    status.appendChild(document.createTextNode(legacy ? (es ? TRIDENT_MESSAGE_ES : TRIDENT_MESSAGE) : es ? OTHER_MESSAGE_ES : OTHER_MESSAGE));
    status.className = 'status error';
    var start = document.getElementById('start-button');
    if (start) start.disabled = true;
  }

  if (window.addEventListener) window.addEventListener('load', show, false);
  else if (window.attachEvent) window.attachEvent('onload', show);
})();
