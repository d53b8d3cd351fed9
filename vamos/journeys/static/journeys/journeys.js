// Learning journeys: small progressive enhancements. Every form works without JavaScript.
(function () {
  "use strict";

  // The activity form shows the date fields that fit the chosen status
  // ("held" → date and hours; "planned" → date and time).
  function syncActivityStatus(form) {
    var checked = form.querySelector("input[name='status']:checked");
    if (!checked) {
      return;
    }
    form.querySelectorAll("[data-journey-when]").forEach(function (block) {
      var wanted = block.getAttribute("data-journey-when").split(" ");
      if (wanted.indexOf(checked.value) === -1) {
        block.setAttribute("data-journey-hidden", "");
      } else {
        block.removeAttribute("data-journey-hidden");
      }
    });
  }

  function setUpActivityForms() {
    document.querySelectorAll("form[data-journey-activity]").forEach(function (form) {
      syncActivityStatus(form);
      form.addEventListener("change", function (event) {
        if (event.target.name === "status") {
          syncActivityStatus(form);
        }
      });
    });
  }

  // A follow-up ticked off with htmx is replaced by its new state: keep the keyboard focus
  // on its button, so that nobody has to find their place again.
  var pendingFocus = null;
  document.addEventListener("htmx:beforeSwap", function (event) {
    var target = event.detail.target;
    if (target && target.id && target.id.indexOf("follow-up-") === 0) {
      pendingFocus = target.id;
    }
  });
  document.addEventListener("htmx:afterSettle", function () {
    if (!pendingFocus) {
      return;
    }
    var item = document.getElementById(pendingFocus);
    var button = item && item.querySelector("button");
    if (button) {
      button.focus();
    }
    pendingFocus = null;
  });

  document.addEventListener("DOMContentLoaded", setUpActivityForms);
})();
