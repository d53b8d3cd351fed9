// Events: small enhancements; every page works without JavaScript.
(function () {
  "use strict";

  // The private calendar address is selected when focused, ready to copy.
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("[data-select-on-focus]")) {
      event.target.select();
    }
  });
})();
