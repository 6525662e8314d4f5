// Entry of dist/excel/functions.js: registers the custom functions where Excel's runtime provides
// CustomFunctions, and says plainly why not elsewhere (the page opened outside Excel, office.js blocked).

/** Shown in the console when there is nothing to register the functions with. */
export const NOT_REGISTERED =
  'KAM Portfolio: the KAM functions were not registered, because this page is not running inside Excel ' +
  "(or Microsoft's office.js could not be loaded). Open KAM Portfolio from Excel: Home › KAM Portfolio.";

if (typeof CustomFunctions === 'undefined' || typeof CustomFunctions.associate !== 'function') {
  console.warn(NOT_REGISTERED);
} else {
  // Required only here: the metadata plugin appends CustomFunctions.associate calls to functions.ts, which
  // would throw "CustomFunctions is not defined" if that module ran without the runtime.
  require('./functions');
}
