// Adds the device's location to check-in and SOS forms when the observer allows it.
// The form is sent anyway, at once, if there is no location: an SOS must never wait.
document.querySelectorAll("form[data-geolocate]").forEach(function (form) {
  if (!("geolocation" in navigator)) return;
  navigator.geolocation.getCurrentPosition(function (position) {
    form.querySelector("[name=latitude]").value = position.coords.latitude.toFixed(6);
    form.querySelector("[name=longitude]").value = position.coords.longitude.toFixed(6);
  }, function () {}, { maximumAge: 60000, timeout: 10000 });
});
