/* The search page of an eduplan site: Pagefind's interface over the site's index.
   Thai writes no spaces between words; the index was made from a copy of the pages with their Thai split
   into words (thin spaces, U+2009) and, after a compound word, the parts it ends with between INVISIBLE
   SEPARATORs (U+2063), so that the words the browser cuts a Thai query into are found
   (eduplan/site/search.py). Those additions are taken out of the titles and excerpts shown here.
   Opened from a folder (file://), a browser lets no page read the index: the page says so instead. */
(function () {
  "use strict";
  var box = document.getElementById("search");
  if (!box) { return; }
  if (window.location.protocol === "file:") {
    document.getElementById("search-file").hidden = false;
    return;
  }
  var base = new URL(box.getAttribute("data-root"), window.location.href).pathname;
  var bundle = base + "pagefind/";
  var MARKED = /([^\s\u2009<>]+)\u2009<mark>\u2063[^\u2063]*\u2063<\/mark>/g;
  var ADDED = /\u2009?(<mark>)?\u2063[^\u2063]*\u2063(<\/mark>)?/g;
  var THIN = /\u2009/g;

  function shown(text) {
    return (text || "").replace(MARKED, "<mark>$1</mark>").replace(ADDED, "").replace(THIN, "");
  }

  function clean(result) {
    result.excerpt = shown(result.excerpt);
    if (result.meta && result.meta.title) { result.meta.title = shown(result.meta.title); }
    (result.sub_results || []).forEach(function (sub) {
      sub.title = shown(sub.title);
      sub.excerpt = shown(sub.excerpt);
    });
    return result;
  }

  var style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = bundle + "pagefind-ui.css";
  document.head.appendChild(style);
  var script = document.createElement("script");
  script.src = bundle + "pagefind-ui.js";
  script.onload = function () {
    /* global PagefindUI */
    new PagefindUI({
      element: "#search",
      bundlePath: bundle,
      baseUrl: base,
      showImages: false,
      processResult: clean
    });
  };
  document.head.appendChild(script);
}());
