// The offline checklist: answers are queued in this phone's storage and sent when the network
// is there. Each answer set carries its own client id, so sending it twice stores it once.
(function () {
  "use strict";
  var form = document.getElementById("checklist");
  if (!form) return;
  var KEY = "amanat-checklist-queue";
  var csrf = form.querySelector("[name=csrfmiddlewaretoken]").value;
  var url = form.dataset.submitUrl;
  var queueStatus = document.getElementById("queue-status");
  var networkStatus = document.getElementById("network-status");
  var formErrors = document.getElementById("form-errors");
  var flushing = false;

  function queue() {
    try { return JSON.parse(localStorage.getItem(KEY) || "[]"); } catch (e) { return []; }
  }
  function save(items) { localStorage.setItem(KEY, JSON.stringify(items)); }
  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }
  function answers() {
    var result = {};
    form.querySelectorAll("fieldset.question").forEach(function (set) {
      var code = set.dataset.code, kind = set.dataset.kind, value = null;
      var checked = set.querySelector("input[type=radio]:checked");
      var input = set.querySelector("input:not([type=radio]):not([type=file]), textarea");
      if (kind === "photo") value = set.dataset.sha || null;  // a photo already sent
      else if (checked) value = kind === "yes_no" ? checked.value === "true" : Number(checked.value);
      else if (input && input.value !== "") value = kind === "integer" ? Number(input.value) : input.value;
      if (value !== null) result[code] = value;
    });
    return result;
  }
  function show() {
    var waiting = queue().length;
    queueStatus.textContent = waiting ? form.dataset.msgWaiting + " " + waiting : "";
    // Keep "Sent." once the network is back; only the offline notice comes and goes here.
    if (!navigator.onLine) networkStatus.textContent = form.dataset.msgOffline;
    else if (networkStatus.textContent === form.dataset.msgOffline) networkStatus.textContent = "";
  }
  function refill(item) {
    // A refused answer set comes back into the form, to be corrected rather than typed again.
    form.querySelector("#station").value = item.station;
    form.querySelectorAll("fieldset.question").forEach(function (set) {
      var value = item.answers[set.dataset.code];
      if (value === undefined) return;
      var radio = set.querySelector('input[type=radio][value="' + String(value) + '"]');
      var input = set.querySelector("input:not([type=radio]):not([type=file]), textarea");
      if (set.dataset.kind === "photo") set.dataset.sha = value;
      else if (radio) radio.checked = true;
      else if (input) input.value = value;
    });
  }
  function showErrors(item, body) {
    form.querySelectorAll("[data-error-for]").forEach(function (el) { el.textContent = ""; });
    formErrors.textContent = "";
    (body.errors || []).forEach(function (error) {
      var el = form.querySelector('[data-error-for="' + error.field + '"]');
      if (el) { el.textContent = error.message; return; }
      // Errors about the whole form (a control relation of a protocol) are listed above it.
      var line = document.createElement("li");
      line.textContent = error.field + ": " + error.message;
      formErrors.appendChild(line);
    });
    queueStatus.textContent = form.dataset.msgRejected + " " + body.detail;
    refill(item);
  }
  // A photo is re-drawn at most 1600 px wide as JPEG: small enough for the phone's queue, and
  // the camera's EXIF (GPS, time, device) does not survive the canvas.
  function shrink(file) {
    return new Promise(function (resolve, reject) {
      var image = new Image();
      image.onload = function () {
        var scale = Math.min(1, 1600 / Math.max(image.width, image.height));
        var canvas = document.createElement("canvas");
        canvas.width = Math.round(image.width * scale);
        canvas.height = Math.round(image.height * scale);
        canvas.getContext("2d").drawImage(image, 0, 0, canvas.width, canvas.height);
        resolve(canvas.toDataURL("image/jpeg", 0.85));
      };
      image.onerror = reject;
      // A data: URL, as the page's content policy allows images from nowhere else.
      var reader = new FileReader();
      reader.onload = function () { image.src = reader.result; };
      reader.onerror = reject;
      reader.readAsDataURL(file);
    });
  }
  function blobOf(dataUrl) {
    var bytes = atob(dataUrl.split(",")[1]);
    var array = new Uint8Array(bytes.length);
    for (var i = 0; i < bytes.length; i++) array[i] = bytes.charCodeAt(i);
    return new Blob([array], { type: "image/jpeg" });
  }
  async function photosChosen() {
    var photos = {};
    for (var input of form.querySelectorAll("fieldset.question input[type=file]")) {
      if (input.files && input.files[0]) photos[input.name] = await shrink(input.files[0]);
    }
    return photos;
  }
  async function sendPhotos(item) {
    // Each photo goes first; its answer becomes the photo's SHA-256. Sending one twice is
    // harmless: the server keeps one copy per observer.
    for (var code of Object.keys(item.photos || {})) {
      var body = new FormData();
      body.append("file", blobOf(item.photos[code]), code + ".jpg");
      var response = await fetch(form.dataset.photoUrl, {
        method: "POST", credentials: "same-origin", headers: { "X-CSRFToken": csrf }, body: body,
      });
      if (!response.ok) return response;
      item.answers[code] = (await response.json()).sha256;
      delete item.photos[code];
      save(queue().map(function (other) { return other.client_id === item.client_id ? item : other; }));
    }
    return null;
  }
  async function flush() {
    if (flushing) return;
    flushing = true;
    try {
      for (var item of queue()) {
        var response;
        try {
          response = await sendPhotos(item);
        } catch (e) { break; }
        if (response && response.status >= 500) break;
        if (response) {  // the photo itself was refused: say why, keep the answers
          save(queue().filter(function (other) { return other.client_id !== item.client_id; }));
          showErrors(item, await response.json());
          continue;
        }
        try {
          response = await fetch(url, {
            method: "POST", credentials: "same-origin",
            headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
            body: JSON.stringify(item),
          });
        } catch (e) { break; }  // no network: keep everything for later
        if (response.status >= 500) break;
        save(queue().filter(function (other) { return other.client_id !== item.client_id; }));
        if (response.ok) networkStatus.textContent = form.dataset.msgSent;
        else showErrors(item, await response.json());
      }
    } finally { flushing = false; show(); }
  }
  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    var item = {
      client_id: uuid(), form: form.dataset.form, station: form.querySelector("#station").value,
      answers: answers(), observed_at: new Date().toISOString(), photos: await photosChosen(),
    };
    form.querySelectorAll("fieldset.question").forEach(function (set) { delete set.dataset.sha; });
    save(queue().concat([item]));
    form.reset();
    formErrors.textContent = "";
    networkStatus.textContent = "";
    queueStatus.textContent = form.dataset.msgQueued;
    flush();
  });
  // Signing out clears this phone's storage (the logout view's Clear-Site-Data), the answers
  // waiting to be sent with it: they would otherwise be sent under the next person's name.
  document.querySelectorAll('form[action$="/accounts/logout/"]').forEach(function (logout) {
    logout.addEventListener("submit", function (event) {
      if (queue().length && !window.confirm(form.dataset.msgSignOut)) event.preventDefault();
    });
  });
  window.addEventListener("online", flush);
  window.addEventListener("offline", show);
  setInterval(flush, 15000);
  show();
  flush();
  if ("serviceWorker" in navigator) keepOffline();

  // The service worker keeps this page, its files and the other checklists for use offline.
  // On the first visit it starts after the page has loaded, so the page asks it to fetch them
  // now: otherwise the checklist would open offline only after a second visit.
  function keepOffline() {
    navigator.serviceWorker.register("/sw.js").then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      var files = document.querySelectorAll("script[src], link[rel=stylesheet][href], link[rel=icon][href]");
      var urls = [location.pathname].concat((form.dataset.keep || "").split(" ").filter(Boolean));
      files.forEach(function (file) { urls.push(file.src || file.href); });
      registration.active.postMessage({ keep: urls });
    }).catch(function () {});
  }
})();
