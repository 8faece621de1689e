// benxe: small enhancements. Every page works without this file.
(function () {
  "use strict";
  var money = function (n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".") + "đ"; };

  // Place autocomplete: fill the shared <datalist> from the places API.
  var list = document.getElementById("places");
  var timer, asked = "";
  document.querySelectorAll("input[data-places]").forEach(function (input) {
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2 || q === asked) return;
      timer = setTimeout(function () {
        asked = q;
        fetch("/api/v1/places?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (places) {
            if (!list || !places.length) return;
            list.textContent = "";
            places.forEach(function (p) {
              var o = document.createElement("option");
              o.value = p.name;
              o.label = p.province && p.province !== p.name ? p.province : "";
              list.appendChild(o);
            });
          })
          .catch(function () {});
      }, 150);
    });
  });

  // Swap origin and destination.
  document.querySelectorAll("[data-swap]").forEach(function (b) {
    var from = document.getElementById("f-from"), to = document.getElementById("f-to");
    if (!from || !to) return;
    b.hidden = false;
    b.addEventListener("click", function () { var v = from.value; from.value = to.value; to.value = v; });
  });

  // Filters apply as soon as they change.
  document.querySelectorAll("form[data-autosubmit]").forEach(function (f) {
    f.addEventListener("change", function () { f.requestSubmit ? f.requestSubmit() : f.submit(); });
  });

  // Live total of the ticked seats.
  document.querySelectorAll("form[data-seatform]").forEach(function (f) {
    var out = f.querySelector("[data-seat-summary]");
    var update = function () {
      var seats = [], total = 0;
      f.querySelectorAll("input[name=seats]:checked").forEach(function (c) {
        seats.push(c.value); total += Number(c.dataset.price) || 0;
      });
      out.textContent = seats.length ? out.dataset.some.replace("{seats}", seats.join(", ")).replace("{total}", money(total)) : out.dataset.none;
    };
    f.addEventListener("change", update);
    update();
  });

  // Hold countdown, mm:ss.
  document.querySelectorAll("[data-expires]").forEach(function (el) {
    var end = Date.parse(el.dataset.expires), left = el.querySelector("[data-left]");
    var tick = function () {
      var s = Math.max(0, Math.round((end - Date.now()) / 1000));
      if (s === 0) {
        el.classList.add("over");
        el.textContent = el.dataset.expired;
        return;
      }
      left.textContent = "(" + String(Math.floor(s / 60)).padStart(2, "0") + ":" + String(s % 60).padStart(2, "0") + ")";
      setTimeout(tick, 1000);
    };
    tick();
  });

  // Copy buttons.
  document.querySelectorAll("[data-copy]").forEach(function (b) {
    if (!navigator.clipboard) return;
    b.hidden = false;
    var label = b.textContent;
    b.addEventListener("click", function () {
      navigator.clipboard.writeText(b.dataset.copy).then(function () {
        b.textContent = b.dataset.copied;
        setTimeout(function () { b.textContent = label; }, 1500);
      });
    });
  });

  document.querySelectorAll("form[data-confirm]").forEach(function (f) {
    f.addEventListener("submit", function (e) { if (!window.confirm(f.dataset.confirm)) e.preventDefault(); });
  });

  // One click, one hold or booking: ignore a second submit of the same form.
  document.querySelectorAll("form[method=post]").forEach(function (f) {
    f.addEventListener("submit", function (e) {
      if (e.defaultPrevented) return;
      if (f.dataset.sent) { e.preventDefault(); return; }
      f.dataset.sent = "1";
    });
  });
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-sent]").forEach(function (f) { delete f.dataset.sent; });
  });
})();
