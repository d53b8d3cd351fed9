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

  document.addEventListener("DOMContentLoaded", setUpActivityForms);
})();
