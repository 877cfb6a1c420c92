// Survey form enhancement: preview the status that the year's standard gives, as the secretary
// types. Without JavaScript the form works the same; the server checks everything again.
(function () {
  "use strict";
  var form = document.querySelector("form[data-classify-url]");
  if (!form || !window.fetch) return;
  var out = document.getElementById("classify-preview");
  var timer = null;

  function cookie(name) {
    var m = document.cookie.match("(?:^|; )" + name + "=([^;]*)");
    return m ? decodeURIComponent(m[1]) : "";
  }

  function show(text) {
    out.textContent = text;
    out.hidden = text === "";
  }

  function preview() {
    var income = form.elements.income_per_person.value.trim();
    if (income === "") { show(""); return; }
    var codes = Array.prototype.slice
      .call(form.querySelectorAll("input[name=deprived_codes]:checked"))
      .map(function (el) { return el.value; });
    fetch(form.getAttribute("data-classify-url"), {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": cookie("csrftoken") },
      body: JSON.stringify({
        year: parseInt(form.elements.year.value, 10),
        area: form.getAttribute("data-area"),
        income_per_person: parseInt(income, 10),
        deprived_codes: codes
      })
    }).then(function (r) {
      return r.json().then(function (data) { return { ok: r.ok, data: data }; });
    }).then(function (res) {
      show(res.ok
        ? out.getAttribute("data-prefix") + " " + res.data.status_label
        : res.data.detail);
    }).catch(function () { show(""); });
  }

  form.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(preview, 400);
  });
})();
