// The stall till on a producer's phone. The form works without this script; with it,
// the quantities get − and + buttons and a running total, cash sales go through a
// queue kept in localStorage (numbered on this phone, so a sale sent twice is still
// one sale) that is sent whenever the network is there, and a VietQR sale shows its
// code on the page and turns paid by itself when the bank hook reports the money.
(function () {
  "use strict";
  var till = document.querySelector("[data-till]");
  if (!till) return;
  var form = till.querySelector("[data-sell]");
  var msg = function (name) { return till.getAttribute("data-msg-" + name) || name; };
  var key = "dacsan-till-" + till.dataset.fair + "-" + till.dataset.producer;
  var net = till.querySelector("[data-net]");
  var queueBox = till.querySelector("[data-queue-box]");
  var queueList = till.querySelector("[data-queue]");
  var qrBox = till.querySelector("[data-qr]");
  var totalOut = till.querySelector("[data-total]");
  var sending = false;
  var reachable = navigator.onLine;

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/stall/sw.js", { scope: "/stall/" }).catch(function () {});
  }
  // The page and its assets, kept for the service worker to serve when a reload
  // finds no network (it only sees the requests made after it started).
  if (window.caches) {
    var kept = [location.pathname + location.search];
    document.querySelectorAll("link[rel=stylesheet], script[src]").forEach(function (el) { kept.push(el.href || el.src); });
    caches.open("dacsan-till-1").then(function (cache) { return cache.addAll(kept); }).catch(function () {});
  }

  function load(name, fallback) {
    try { return JSON.parse(localStorage.getItem(key + "-" + name)) || fallback; } catch (e) { return fallback; }
  }
  function save(name, value) { localStorage.setItem(key + "-" + name, JSON.stringify(value)); }

  // This phone's name and the number of its last sale, kept across reloads.
  function nextSaleId() {
    var device = localStorage.getItem("dacsan-device");
    if (!device) {
      var bytes = new Uint8Array(6);
      crypto.getRandomValues(bytes);
      device = Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
      localStorage.setItem("dacsan-device", device);
    }
    var n = load("n", 0) + 1;
    save("n", n);
    return device + "-" + n;
  }

  function money(vnd) { return vnd.toLocaleString("vi-VN") + "\u00a0₫"; }

  function lines() {
    var items = [];
    form.querySelectorAll("input.qty").forEach(function (input) {
      var q = parseInt(input.value, 10);
      if (q > 0) items.push({ product_id: Number(input.dataset.product), quantity: q, price: Number(input.dataset.price) });
    });
    return items;
  }

  function typedAmount() {
    var digits = form.amount.value.replace(/[^0-9]/g, "");
    return digits ? parseInt(digits, 10) : null;
  }

  function showTotal() {
    var items = lines();
    var sum = items.reduce(function (s, i) { return s + i.price * i.quantity; }, 0);
    var typed = typedAmount();
    totalOut.textContent = items.length ? money(sum) : typed ? money(typed) : "–";
  }

  form.querySelectorAll("[data-step]").forEach(function (button) {
    button.addEventListener("click", function () {
      var input = button.parentNode.querySelector("input.qty");
      var q = (parseInt(input.value, 10) || 0) + Number(button.dataset.step);
      input.value = q > 0 ? String(q) : "";
      showTotal();
    });
  });
  form.addEventListener("input", showTotal);

  function saleFromForm(method) {
    var sale = { client_sale_id: nextSaleId(), method: method, sold_at: new Date().toISOString() };
    var items = lines();
    if (items.length) sale.items = items.map(function (i) { return { product_id: i.product_id, quantity: i.quantity }; });
    else sale.amount_vnd = typedAmount();
    sale.shown_total = items.length ? items.reduce(function (s, i) { return s + i.price * i.quantity; }, 0) : sale.amount_vnd;
    return sale;
  }

  function clearForm() {
    form.querySelectorAll("input.qty").forEach(function (input) { input.value = ""; });
    form.amount.value = "";
    showTotal();
  }

  function post(sale) {
    var body = {};
    ["client_sale_id", "method", "sold_at", "items", "amount_vnd"].forEach(function (k) {
      if (sale[k] !== undefined && sale[k] !== null) body[k] = sale[k];
    });
    return fetch(till.dataset.api, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept-Language": document.documentElement.lang },
      body: JSON.stringify(body)
    });
  }

  function problemText(response) {
    return response.json().then(function (p) {
      var errors = (p.errors || []).map(function (e) { return e.message; });
      return errors.length ? errors.join("; ") : p.detail || p.title || String(response.status);
    }, function () { return String(response.status); });
  }

  function showNet() {
    var queued = load("queue", []).length;
    net.textContent = (reachable ? msg("online") : msg("offline")) + (queued ? " · " + msg("queued") + ": " + queued : "");
    net.className = "till-net" + (reachable ? "" : " offline");
    form.querySelector("[data-vietqr]").toggleAttribute("aria-disabled", !reachable);
  }

  function showQueue() {
    var queue = load("queue", []);
    queueBox.hidden = queue.length === 0;
    queueList.textContent = "";
    queue.forEach(function (sale) {
      var li = document.createElement("li");
      li.textContent = money(sale.shown_total || 0) + " · " + new Date(sale.sold_at).toLocaleTimeString("vi-VN", { timeZone: "Asia/Ho_Chi_Minh" }) + " · #" + sale.client_sale_id.split("-").pop();
      if (sale.error) {
        var small = document.createElement("small");
        small.className = "field-error";
        small.textContent = " " + msg("failed") + ": " + sale.error;
        li.appendChild(small);
      }
      queueList.appendChild(li);
    });
    showNet();
  }

  function refreshSales() {
    return fetch(till.dataset.fragment, { credentials: "same-origin", cache: "no-store" }).then(function (r) {
      if (r.ok) return r.text().then(function (html) { till.querySelector("[data-sales]").innerHTML = html; });
    }).catch(function () {});
  }

  // Sends the queue in order; a sale the server refuses keeps its place with the
  // reason shown, and the network failing stops the round until the next one.
  function flush() {
    if (sending) return Promise.resolve();
    var queue = load("queue", []);
    if (!queue.length) { showQueue(); return Promise.resolve(); }
    sending = true;
    var sent = 0;
    var step = function (i) {
      if (i >= queue.length) return Promise.resolve();
      return post(queue[i]).then(function (response) {
        reachable = true;
        if (response.ok) {
          sent++;
          var rest = load("queue", []).filter(function (s) { return s.client_sale_id !== queue[i].client_sale_id; });
          save("queue", rest);
          return step(i + 1);
        }
        if (response.status === 401) { net.textContent = msg("signin"); return null; }
        return problemText(response).then(function (text) {
          var rest = load("queue", []).map(function (s) {
            if (s.client_sale_id === queue[i].client_sale_id) s.error = text;
            return s;
          });
          save("queue", rest);
          return step(i + 1);
        });
      }, function () { reachable = false; });
    };
    return step(0).then(function () {
      sending = false;
      showQueue();
      if (sent) return refreshSales();
    });
  }

  function showQr(sale) {
    qrBox.hidden = false;
    qrBox.textContent = "";
    var h = document.createElement("h2");
    h.textContent = money(sale.amount_vnd) + " · " + sale.code;
    var picture = document.createElement("div");
    picture.className = "qr";
    picture.innerHTML = sale.vietqr ? sale.vietqr.svg : "";
    var state = document.createElement("p");
    state.className = "notice";
    state.setAttribute("role", "status");
    state.textContent = sale.status === "paid" ? msg("paid") : msg("waiting");
    var actions = document.createElement("p");
    actions.className = "actions";
    var link = document.createElement("a");
    link.className = "btn secondary";
    link.href = "/stall/" + till.dataset.fair + "/sales/" + sale.code + "?producer=" + till.dataset.producer;
    link.textContent = msg("open");
    var next = document.createElement("button");
    next.type = "button";
    next.textContent = msg("close");
    next.addEventListener("click", function () { qrBox.hidden = true; qrBox.textContent = ""; });
    actions.append(next, link);
    qrBox.append(h, picture, state, actions);
    qrBox.scrollIntoView({ behavior: "smooth" });
    var ask = function () {
      if (qrBox.hidden || !qrBox.contains(state)) return;
      fetch(till.dataset.api + "/" + sale.code, { credentials: "same-origin", cache: "no-store" }).then(function (r) {
        return r.ok ? r.json() : null;
      }).then(function (now) {
        if (now && now.status === "paid") {
          state.textContent = msg("paid") + " ✓";
          state.className = "notice paid";
          picture.textContent = "";
          refreshSales();
        } else if (now && now.status === "cancelled") {
          qrBox.hidden = true;
          refreshSales();
        } else {
          setTimeout(ask, 2000);
        }
      }, function () { setTimeout(ask, 4000); });
    };
    if (sale.status !== "paid") setTimeout(ask, 2000);
  }

  form.addEventListener("submit", function (event) {
    var method = event.submitter && event.submitter.value;
    if (method !== "cash" && method !== "vietqr") return;
    event.preventDefault();
    var sale = saleFromForm(method);
    if (!sale.items && !sale.amount_vnd) { form.amount.focus(); return; }
    if (method === "cash") {
      var queue = load("queue", []);
      queue.push(sale);
      save("queue", queue);
      clearForm();
      showQueue();
      net.textContent = msg("cash-done") + " · " + net.textContent;
      flush();
      return;
    }
    if (!reachable && !navigator.onLine) { net.textContent = msg("needs-net"); return; }
    var submit = event.submitter;
    submit.disabled = true;
    // The same number on a retry: a lost answer never makes a second sale.
    var send = function (tries) {
      return post(sale).then(function (response) {
        reachable = true;
        if (response.ok) return response.json().then(function (stored) { clearForm(); showQr(stored); refreshSales(); });
        return problemText(response).then(function (text) { net.textContent = msg("failed") + ": " + text; });
      }, function () {
        if (tries > 0) return new Promise(function (r) { setTimeout(r, 1500); }).then(function () { return send(tries - 1); });
        reachable = false;
        net.textContent = msg("needs-net");
      });
    };
    send(2).then(function () { submit.disabled = false; showNet(); });
  });

  window.addEventListener("online", function () { reachable = true; flush(); });
  window.addEventListener("offline", function () { reachable = false; showNet(); });
  setInterval(flush, 15000);
  showTotal();
  showQueue();
  flush();
})();
