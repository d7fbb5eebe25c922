// The pre-visit page: the patient chooses a language, answers the clinic's Questionnaire in
// LHC-Forms, checks the answers and saves them as a FHIR QuestionnaireResponse file.
//
// Everything is fetched before the patient starts (LHC-Forms, the Questionnaire in every
// language the page offers); afterwards the page asks the network for nothing. The answers
// leave the browser only as the file the patient saves (a blob: link, made in the page).
//
// The page's own words are in index.html, one element per language (`data-t lang=...`);
// the questions' words are the Questionnaire's (`intake export-form --lang CODE`), since
// LHC-Forms shows no FHIR translation extension.
(function () {
  "use strict";

  var RELEASE = "R4"; // the Questionnaires' FHIR release and the support script index.html loads (build.py)
  var FILE_NAME = "previsit-response.json"; // no health data in the name: it may show in a downloads list
  var body = document.body;
  var form = document.getElementById("form");
  var download = document.getElementById("download");
  var languages = Array.prototype.map.call(document.querySelectorAll("[data-choose]"), function (button) {
    return button.dataset.choose;
  });
  var questionnaires = {};
  var language = null;
  var fileAddress = null;

  // Steps and words -----------------------------------------------------------

  function show(step) {
    body.dataset.step = step;
    window.scrollTo(0, 0);
    var heading = document.querySelector("#" + step + " h2[tabindex]");
    if (heading) heading.focus({preventScroll: true});
  }

  function speak(code) {
    language = code;
    document.documentElement.lang = code;
    Array.prototype.forEach.call(document.querySelectorAll("[data-t]"), function (element) {
      element.hidden = element.lang !== code;
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-switch]"), function (button) {
      button.setAttribute("aria-pressed", String(button.dataset.switch === code));
    });
  }

  function word(name) {
    var element = document.querySelector('#words [data-word="' + name + '"][lang="' + language + '"]');
    return element ? element.textContent : name;
  }

  // Loading ---------------------------------------------------------------------

  function fetchQuestionnaire(code) {
    return fetch("questionnaire/" + code + ".json", {cache: "no-cache", credentials: "omit"}).then(function (reply) {
      if (!reply.ok) throw new Error("questionnaire/" + code + ".json: HTTP " + reply.status);
      return reply.json();
    }).then(function (questionnaire) {
      questionnaires[code] = questionnaire;
    });
  }

  function loaded() {
    document.getElementById("status").hidden = true;
    body.dataset.state = "ready";
    show("start");
  }

  function failed(error) {
    document.getElementById("status").hidden = true;
    document.getElementById("failed").hidden = false;
    body.dataset.state = "failed";
    body.dataset.reason = String(error && error.message ? error.message : error);
  }

  // The form --------------------------------------------------------------------

  function answers() {
    // LHC-Forms's own QuestionnaireResponse; it names no language, so the page adds the one shown.
    var response = LForms.Util.getFormFHIRData("QuestionnaireResponse", RELEASE, form);
    response.language = questionnaires[language].language || language;
    return response;
  }

  function showForm(code, sofar) {
    speak(code);
    var options = {fhirVersion: RELEASE};
    if (sofar) options.questionnaireResponse = sofar;
    body.dataset.form = "loading";
    return LForms.Util.addFormToPage(questionnaires[code], form, options).then(function () {
      body.dataset.form = "ready";
    });
  }

  // LHC-Forms's yes/no buttons carry the words of its English build ("Yes", "No", "Not Answered"),
  // as do its messages: the page puts its own words on the buttons, in the language shown.
  function relabel() {
    Array.prototype.forEach.call(form.querySelectorAll("lhc-item-boolean label[nz-radio]"), function (label) {
      var words = label.lastElementChild;
      var wanted = word(label.id.slice(label.id.lastIndexOf("|") + 1));
      if (words && words.tagName === "SPAN" && words.textContent !== wanted) words.textContent = wanted;
    });
  }

  function start(code) {
    show("filling");
    showForm(code, null).catch(failed);
  }

  function inWordsOf(items, defined) {
    // LHC-Forms carries a coded answer over only when its display matches the form's option too:
    // each coding gets the display the other language's Questionnaire gives its code.
    (items || []).forEach(function (item) {
      (item.answer || []).forEach(function (answer) {
        if (answer.valueCoding) answer.valueCoding.display = shown(answer, defined[item.linkId] || {});
      });
      inWordsOf(item.item, defined);
    });
  }

  function switchTo(code) {
    if (code === language) return;
    var step = body.dataset.step;
    var sofar = answers();
    inWordsOf(sofar.item, definitions(questionnaires[code].item, {}));
    showForm(code, sofar).then(function () {
      if (step === "review" || step === "done") review();
    }).catch(failed);
  }

  function questionsOf(problems) {
    // LHC-Forms says what is wrong as "<question> requires a value" in English; the page names the
    // questions, in the language shown (the longest question text each message starts with).
    var defined = definitions(questionnaires[language].item, {});
    var texts = Object.keys(defined).map(function (linkId) { return defined[linkId].text || ""; })
      .filter(Boolean).sort(function (one, other) { return other.length - one.length; });
    var named = [];
    problems.forEach(function (problem) {
      var text = texts.filter(function (candidate) { return problem.indexOf(candidate) === 0; })[0] || problem;
      if (named.indexOf(text) < 0) named.push(text);
    });
    return named;
  }

  function checkThenReview() {
    var problems = questionsOf(LForms.Util.checkValidity(form) || []);
    var missing = document.getElementById("missing");
    var list = document.getElementById("missing-list");
    list.textContent = "";
    problems.forEach(function (problem) {
      var line = document.createElement("li");
      line.textContent = problem;
      list.appendChild(line);
    });
    missing.hidden = problems.length === 0;
    if (problems.length) {
      missing.scrollIntoView({block: "start"});
      return;
    }
    review();
    show("review");
  }

  // Review ------------------------------------------------------------------------

  function definitions(items, into) {
    (items || []).forEach(function (item) {
      into[item.linkId] = item;
      definitions(item.item, into);
    });
    return into;
  }

  function unit(defined) {
    var found = (defined.extension || []).filter(function (extension) {
      return /questionnaire-unit$/.test(extension.url) && extension.valueCoding;
    })[0];
    return found ? found.valueCoding.display || found.valueCoding.code : "";
  }

  function longDate(text) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!parts) return text;
    var day = new Date(Date.UTC(+parts[1], +parts[2] - 1, +parts[3]));
    return new Intl.DateTimeFormat(language, {dateStyle: "long", timeZone: "UTC"}).format(day);
  }

  function shown(answer, defined) {
    if (answer.valueCoding) {
      var option = (defined.answerOption || []).filter(function (choice) {
        return choice.valueCoding && choice.valueCoding.code === answer.valueCoding.code;
      })[0];
      return option ? option.valueCoding.display : answer.valueCoding.display || answer.valueCoding.code;
    }
    if (typeof answer.valueBoolean === "boolean") return word(String(answer.valueBoolean));
    if (answer.valueDate) return longDate(answer.valueDate);
    var number = typeof answer.valueInteger === "number" ? answer.valueInteger : answer.valueDecimal;
    if (typeof number === "number") return [number.toLocaleString(language), unit(defined)].join(" ").trim();
    var key = Object.keys(answer).filter(function (name) { return name.indexOf("value") === 0; })[0];
    return key ? String(answer[key]) : "";
  }

  function listInto(box) {
    if (!box.lastChild || box.lastChild.tagName !== "DL") box.appendChild(document.createElement("dl"));
    return box.lastChild;
  }

  function render(items, box, depth, defined) {
    var rows = {};
    (items || []).forEach(function (item) {
      var definition = defined[item.linkId] || {};
      var label = definition.text || item.text || item.linkId;
      if (item.answer && item.answer.length) {
        var list = listInto(box);
        var term = document.createElement("dt");
        var value = document.createElement("dd");
        term.textContent = label;
        value.textContent = item.answer.map(function (answer) { return shown(answer, definition); }).join(", ");
        list.appendChild(term);
        list.appendChild(value);
      } else if (item.item) {
        var part = document.createElement("section");
        var heading = document.createElement(depth ? "h4" : "h3");
        rows[item.linkId] = (rows[item.linkId] || 0) + 1;
        heading.textContent = definition.repeats ? label + " (" + rows[item.linkId] + ")" : label;
        part.className = depth ? "row" : "part";
        part.appendChild(heading);
        box.appendChild(part);
        render(item.item, part, depth + 1, defined);
      }
    });
  }

  function review() {
    var response = answers();
    var box = document.getElementById("answers");
    box.textContent = "";
    render(response.item, box, 0, definitions(questionnaires[language].item, {}));
    if (fileAddress) URL.revokeObjectURL(fileAddress);
    fileAddress = URL.createObjectURL(new Blob([JSON.stringify(response, null, 2) + "\n"], {type: "application/fhir+json"}));
    download.href = fileAddress;
  }

  // Wiring ------------------------------------------------------------------------

  Array.prototype.forEach.call(document.querySelectorAll("[data-choose]"), function (button) {
    button.addEventListener("click", function () { start(button.dataset.choose); });
  });
  Array.prototype.forEach.call(document.querySelectorAll("[data-switch]"), function (button) {
    button.addEventListener("click", function () { switchTo(button.dataset.switch); });
  });
  document.getElementById("to-review").addEventListener("click", checkThenReview);
  document.getElementById("change").addEventListener("click", function () { show("filling"); });
  document.getElementById("back-to-review").addEventListener("click", function () { show("review"); });
  download.addEventListener("click", function () {
    download.download = FILE_NAME;
    window.setTimeout(function () { show("done"); }, 0);
  });

  new MutationObserver(relabel).observe(form, {childList: true, subtree: true});
  Promise.all(languages.map(fetchQuestionnaire)).then(loaded).catch(failed);
})();
