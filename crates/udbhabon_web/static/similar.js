// Shows the innovations of other offices like the one being written, as its title and service are typed;
// without this script the form shows them when it is first saved.
(function () {
  "use strict";
  var form = document.querySelector("form[data-similar]");
  var panel = document.getElementById("similar");
  if (!form || !panel || !window.fetch) {
    return;
  }
  var names = ["title", "title_en", "service"];
  var timer = null;
  var asked = "";
  function look() {
    var query = new URLSearchParams();
    names.forEach(function (name) {
      query.set(name, form.elements[name].value);
    });
    var text = query.toString();
    if (text === asked) {
      return;
    }
    asked = text;
    fetch(form.dataset.similar + "?" + text, { credentials: "same-origin" })
      .then(function (response) {
        return response.ok ? response.text() : "";
      })
      .then(function (html) {
        if (text !== asked) {
          return;
        }
        panel.innerHTML = html;
        if (html.trim() !== "") {
          form.elements.similar_seen.value = "1";
        }
      })
      .catch(function () {});
  }
  names.forEach(function (name) {
    form.elements[name].addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(look, 600);
    });
  });
})();
