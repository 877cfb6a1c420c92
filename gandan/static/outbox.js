/* Outbox for visits: a visit form is kept on the phone (localStorage, which survives closing
   the browser) under its UUID until the server has accepted it with PUT /api/v1/visits/{uuid}.
   The server stores each UUID once, so sending again after a dropped connection is safe.
   Without JavaScript the form posts normally; this file only improves on that. */
(function () {
  "use strict";
  var KEY = "gandan.outbox.v1";

  function load() {
    try { return JSON.parse(window.localStorage.getItem(KEY) || "{}"); } catch (e) { return {}; }
  }
  function save(box) {
    try { window.localStorage.setItem(KEY, JSON.stringify(box)); return true; } catch (e) { return false; }
  }
  function cookie(name) {
    var parts = document.cookie ? document.cookie.split("; ") : [];
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf("=");
      if (parts[i].slice(0, eq) === name) return decodeURIComponent(parts[i].slice(eq + 1));
    }
    return "";
  }

  function bodyOf(form) {
    var f = form.elements;
    var activities = [];
    var boxes = form.querySelectorAll("input[name=activities]:checked");
    for (var i = 0; i < boxes.length; i++) activities.push(boxes[i].value);
    var body = {
      household_id: parseInt(form.getAttribute("data-household"), 10),
      visited_on: f.visited_on.value,
      activities: activities,
      notes: f.notes.value,
      concerns: f.concern && f.concern.value.trim() ? [f.concern.value.trim()] : [],
      support: []
    };
    if (f.support_kind && f.support_kind.value) {
      var quantity = parseInt(f.support_quantity.value, 10);
      body.support.push({
        kind: f.support_kind.value,
        amount: parseInt(f.support_amount.value, 10) || 0,
        purpose: f.support_purpose.value,
        lender: f.support_lender.value,
        quantity: isNaN(quantity) ? null : quantity
      });
    }
    return body;
  }

  function vnDate(iso) {
    var p = (iso || "").split("-");
    return p.length === 3 ? p[2] + "/" + p[1] + "/" + p[0] : iso;
  }
  function label(item) {
    return (item.name || "") + " — " + vnDate(item.body.visited_on);
  }

  // A message for the next page, as the plain POST's flash message would give.
  var FLASH = "gandan.flash";
  function showFlash() {
    var text = "";
    try { text = window.sessionStorage.getItem(FLASH) || ""; window.sessionStorage.removeItem(FLASH); } catch (e) { return; }
    var main = document.getElementById("main");
    if (!text || !main) return;
    var p = document.createElement("p");
    p.className = "msg success";
    p.setAttribute("role", "status");
    p.textContent = text;
    main.insertBefore(p, main.firstChild);
  }

  function render() {
    var box = load();
    var lists = document.querySelectorAll("[data-outbox-list]");
    var keys = Object.keys(box);
    for (var i = 0; i < lists.length; i++) {
      var ul = lists[i].querySelector("ul");
      ul.textContent = "";
      keys.forEach(function (uuid) {
        var li = document.createElement("li");
        var item = box[uuid];
        li.textContent = label(item) + (item.error ? " (" + item.error + ")" : " (đang chờ gửi)");
        ul.appendChild(li);
      });
      lists[i].hidden = keys.length === 0;
    }
  }

  function send(uuid, item) {
    return fetch(item.url + uuid, {
      method: "PUT",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": cookie("csrftoken") },
      body: JSON.stringify(item.body)
    }).then(function (response) {
      if (response.ok) return { done: true };
      return response.json().catch(function () { return {}; }).then(function (data) {
        // A 4xx will not get better by sending again: keep it, show why.
        var permanent = response.status >= 400 && response.status < 500 && response.status !== 401 && response.status !== 408 && response.status !== 429;
        return { done: false, permanent: permanent, detail: data.detail || ("Lỗi " + response.status) };
      });
    });
  }

  var flushing = false;
  function flush() {
    if (flushing || !navigator.onLine) return Promise.resolve();
    flushing = true;
    var box = load();
    var chain = Promise.resolve();
    Object.keys(box).forEach(function (uuid) {
      var item = box[uuid];
      if (item.error) return;
      chain = chain.then(function () {
        return send(uuid, item).then(function (result) {
          var current = load();
          if (result.done) delete current[uuid];
          else if (result.permanent && current[uuid]) current[uuid].error = result.detail;
          save(current);
        }, function () { /* still offline: keep it */ });
      });
    });
    return chain.then(function () { flushing = false; render(); });
  }

  function onSubmit(event) {
    var form = event.target;
    if (!window.fetch || !window.localStorage) return; // plain POST
    event.preventDefault();
    var uuid = form.elements.uuid.value;
    var status = form.querySelector("[data-outbox-status]");
    var item = {
      url: form.getAttribute("data-outbox"),
      body: bodyOf(form),
      name: (document.querySelector("p.lead") || {}).textContent || "",
      queued_at: new Date().toISOString()
    };
    var box = load();
    box[uuid] = item;
    save(box);
    render();
    send(uuid, item).then(function (result) {
      var current = load();
      if (result.done) {
        delete current[uuid];
        save(current);
        try { window.sessionStorage.setItem(FLASH, "Đã ghi lần thăm hộ " + (item.name || "").split(" · ")[0] + ", ngày " + vnDate(item.body.visited_on) + "."); } catch (e) { /* no message */ }
        window.location.assign(form.getAttribute("data-done"));
        return;
      }
      if (result.permanent) {
        // The server refused it (e.g. a date in the future): let the page show the form errors.
        delete current[uuid];
        save(current);
        form.submit();
        return;
      }
      if (status) status.textContent = "Chưa gửi được, máy sẽ tự gửi lại khi có mạng.";
      render();
    }, function () {
      if (status) status.textContent = "Mất mạng: lần thăm đã được giữ trên máy, sẽ tự gửi khi có mạng.";
      render();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var forms = document.querySelectorAll("form[data-outbox]");
    for (var i = 0; i < forms.length; i++) {
      forms[i].addEventListener("submit", onSubmit);
      forms[i].setAttribute("data-outbox-ready", "");  // kept offline from here on
    }
    showFlash();
    render();
    flush();
  });
  window.addEventListener("online", flush);
})();
