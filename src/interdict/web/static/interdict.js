// Every HTMX request carries the session's CSRF token; errors from HTMX requests show in #flash.
document.addEventListener("htmx:configRequest", function (event) {
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (meta) { event.detail.headers["X-CSRF-Token"] = meta.content; }
});
document.addEventListener("htmx:responseError", function (event) {
  var flash = document.getElementById("flash");
  if (flash) { flash.innerHTML = event.detail.xhr.responseText; }
});
document.addEventListener("htmx:beforeSwap", function () {
  var flash = document.getElementById("flash");
  if (flash) { flash.innerHTML = ""; }
});
