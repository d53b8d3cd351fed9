// Surveys: show a question only when the answer it depends on is given (conditions on the
// same page). Without JavaScript every question stays visible with a hint saying when to
// answer it, and the server ignores answers whose condition is not met.
(function () {
  "use strict";

  function chosenValues(form, name) {
    var values = [];
    var fields = form.querySelectorAll('[name="' + name + '"]');
    Array.prototype.forEach.call(fields, function (field) {
      var wrapper = field.closest("[data-condition-field]");
      if (wrapper && wrapper.hidden) {
        return;
      }
      if ((field.type === "radio" || field.type === "checkbox") && !field.checked) {
        return;
      }
      if (field.value) {
        values.push(field.value);
      }
    });
    return values;
  }

  function update(form) {
    var dependants = form.querySelectorAll("[data-condition-field]");
    // Twice, so that a chain (C depends on B depends on A) settles.
    for (var round = 0; round < 2; round += 1) {
      Array.prototype.forEach.call(dependants, function (element) {
        var wanted = element.getAttribute("data-condition-values").split(" ");
        var given = chosenValues(form, element.getAttribute("data-condition-field"));
        element.hidden = !given.some(function (value) {
          return wanted.indexOf(value) !== -1;
        });
      });
    }
  }

  function setUp() {
    var form = document.querySelector("[data-survey-page]");
    if (!form) {
      return;
    }
    form.classList.add("surveys-js");
    update(form);
    form.addEventListener("change", function () {
      update(form);
    });
  }

  document.addEventListener("DOMContentLoaded", setUp);
})();
