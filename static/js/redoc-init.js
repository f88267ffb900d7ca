// Starts Redoc on /api/redoc/ from the container's data attributes (no inline script: see the CSP).
(function () {
  "use strict";
  var container = document.getElementById("redoc-container");
  var settings = JSON.parse(container.getAttribute("data-settings") || "{}");
  Redoc.init(container.getAttribute("data-schema-url"), settings, container);
})();
