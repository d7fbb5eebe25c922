// Loads /questionnaire/<R4|R5>-<language>.json into LHC-Forms with that release's FHIR
// support script. The address says which: index.html?fhir=R4&lang=es (English when no
// lang is given). The round-trip test waits for
// document.body.dataset.state to become "ready" (or "failed", with the reason in #status).
(function () {
  const query = new URLSearchParams(location.search);
  const release = query.get("fhir") || "R5";
  const name = release + "-" + (query.get("lang") || "en");
  const status = document.getElementById("status");

  function script(src) {
    return new Promise(function (resolve, reject) {
      const element = document.createElement("script");
      element.src = src;
      element.onload = resolve;
      element.onerror = function () { reject(new Error("could not load " + src)); };
      document.body.appendChild(element);
    });
  }

  function fail(error) {
    status.textContent = "The form could not be shown: " + (error && error.message ? error.message : error);
    document.body.dataset.state = "failed";
  }

  script("/lforms/fhir/" + release + "/lformsFHIR.min.js")
    .then(function () { return fetch("/questionnaire/" + name + ".json"); })
    .then(function (response) {
      if (!response.ok) throw new Error("no questionnaire " + name + " (HTTP " + response.status + ")");
      return response.json();
    })
    .then(function (questionnaire) {
      return LForms.Util.addFormToPage(questionnaire, "form", {fhirVersion: release});
    })
    .then(function () {
      status.textContent = "";
      document.body.dataset.state = "ready";
    })
    .catch(fail);
})();
