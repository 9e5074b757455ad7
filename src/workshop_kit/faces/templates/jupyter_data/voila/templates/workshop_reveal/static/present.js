/* workshop-kit live slides: start reveal.js once Voilà shows the cells, keep the keyboard with a
   widget while it has focus, and feed a speaker window from this page (no second copy of the
   presentation, so no second kernel). */
(function () {
  "use strict";
  var SLIDE_W = 1280, SLIDE_H = 720;

  /* A key pressed in a widget (text box, list, slider, button, a source's summary) is the
     widget's: reveal.js only sees keys pressed on the slide itself. Esc hands the keyboard back. */
  function inWidget(target) {
    if (!target || target === document.body || !target.closest) { return false; }
    var control = target.closest("input, textarea, select, button, summary, a[href], " +
                                 "[contenteditable], [role=slider], [role=listbox], [role=option], " +
                                 "[role=combobox], [role=radio], [role=tab], [tabindex], " +
                                 ".jupyter-widgets");
    // A slide itself takes focus too (it can scroll, WCAG 2.1.1): its keys are the slides'.
    return !!control && !control.classList.contains("reveal") &&
           !control.classList.contains("wk-slide") && !!control.closest(".slides");
  }
  function keyboardCondition() {
    return !inWidget(document.activeElement);
  }
  // Caught before the widget sees it: text boxes keep their keys to themselves (ipywidgets
  // stops them), so reveal.js would never hear this Esc; and it must not open the overview.
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && inWidget(document.activeElement)) {
      document.activeElement.blur();
      event.stopPropagation();
      event.preventDefault();
    }
  }, true);

  function sectionOf(slide) {
    return slide && slide.parentElement && slide.parentElement.classList.contains("wk-section")
      ? slide.parentElement : slide;
  }
  function titleOf(slide) {
    var heading = slide && sectionOf(slide).querySelector("h1, h2");
    return heading ? heading.textContent.replace(/¶$/, "").trim() : "";
  }
  /* The notes of a slide: the trainer-only parts of its section (trainer notes, timings, model
     answers). Only the trainer's page has any: attendee kernels never build them. */
  function notesOf(slide) {
    var parts = sectionOf(slide) ? sectionOf(slide).querySelectorAll(".wk-trainer-only") : [];
    var html = "";
    for (var i = 0; i < parts.length; i++) {
      if (!parts[i].textContent.trim()) { continue; }
      // A model answer follows its numbered prompt on the slide: name the prompt it answers.
      var before = parts[i].previousElementSibling;
      var para = before && !before.classList.contains("wk-trainer-only") && before.querySelector("p");
      var prompt = para ? para.textContent.trim() : "";
      if (/^\d+\.\s/.test(prompt) && prompt.length < 400) {
        html += '<p class="wk-prompt">' + escapeText(prompt) + "</p>";
      }
      html += parts[i].innerHTML;
    }
    return html;
  }
  function escapeText(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span.innerHTML;
  }
  function hasAnyNotes() {
    return document.querySelectorAll(".reveal .wk-trainer-only *").length > 0;
  }

  var speaker = null, started = Date.now();
  var SPEAKER_PAGE =
    '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">' +
    "<title>Speaker notes — Network Days</title><style>" +
    "body{font-family:system-ui,sans-serif;font-size:20px;line-height:1.5;color:#1b1b1b;" +
    "background:#fff;margin:0;padding:1em 1.5em}h1{font-size:1.3em;margin:.2em 0}" +
    "#wk-where,#wk-next,#wk-clock{color:#333}#wk-notes{border-top:2px solid #1d4f91;margin-top:.6em;" +
    "padding-top:.4em}#wk-notes .wk{font-size:20px!important}.wk-prompt{margin:1em 0 0;font-weight:600}#wk-notes table{border-collapse:collapse}#wk-notes th,#wk-notes td{" +
    "border:1px solid #8a8a8a;padding:.2em .5em;text-align:left}" +
    "button{font-size:1em;padding:.3em 1em;margin-right:.5em}" +
    "button:focus-visible{outline:3px solid #1d4f91;outline-offset:2px}</style></head><body>" +
    '<p id="wk-where"></p><h1 id="wk-title"></h1><section id="wk-notes" aria-live="polite"' +
    ' aria-label="Speaker notes"></section><p id="wk-next"></p>' +
    '<p><button id="wk-prev" type="button">← Previous</button>' +
    '<button id="wk-forward" type="button">Next →</button> <span id="wk-clock"></span></p>' +
    "<p>Training material, not legal advice.</p></body></html>";

  function updateSpeaker() {
    if (!speaker || speaker.closed) { return; }
    var doc = speaker.document, slide = Reveal.getCurrentSlide();
    var slides = Reveal.getSlides(), index = slides.indexOf(slide);
    var next = slides[index + 1];
    doc.getElementById("wk-where").textContent = "Slide " + (index + 1) + " of " + slides.length;
    doc.getElementById("wk-title").textContent = titleOf(slide);
    var notes = notesOf(slide);
    doc.getElementById("wk-notes").innerHTML = notes || (hasAnyNotes()
      ? "<p>No notes for this part.</p>"
      : "<p>No speaker notes: they are shown only in the trainer's browser. Open the trainer " +
        "link <code>workshop-kit</code> printed, then these slides again.</p>");
    doc.getElementById("wk-next").textContent = next
      ? "Next: " + (sectionOf(next) === sectionOf(slide) ? "more of this part" : titleOf(next))
      : "This is the last slide.";
  }
  function tick() {
    if (!speaker || speaker.closed) { return; }
    var s = Math.floor((Date.now() - started) / 1000);
    speaker.document.getElementById("wk-clock").textContent =
      "Time: " + Math.floor(s / 60) + " min " + ("0" + (s % 60)).slice(-2) + " s";
  }
  function openSpeaker() {
    if (speaker && !speaker.closed) { speaker.focus(); updateSpeaker(); return; }
    speaker = window.open("", "wk-speaker-notes", "width=900,height=700");
    if (!speaker) { return; }
    speaker.document.open();
    speaker.document.write(SPEAKER_PAGE);
    speaker.document.close();
    speaker.document.getElementById("wk-prev").onclick = function () { Reveal.prev(); };
    speaker.document.getElementById("wk-forward").onclick = function () { Reveal.next(); };
    speaker.document.addEventListener("keydown", function (event) {
      if (event.target.tagName === "BUTTON" && (event.key === " " || event.key === "Enter")) { return; }
      if (["ArrowRight", "ArrowDown", " ", "PageDown"].indexOf(event.key) >= 0) { Reveal.next(); }
      else if (["ArrowLeft", "ArrowUp", "PageUp"].indexOf(event.key) >= 0) { Reveal.prev(); }
    });
    updateSpeaker();
  }
  window.wkSpeakerNotes = { open: openSpeaker, notesOf: notesOf };

  /* ↓ and ↑ scroll a slide taller than the screen (a live widget grows as it is used), and move
     to the next or previous slide at its end; → ← Space and a clicker's keys always change slide. */
  function scrollOr(direction) {
    var slide = Reveal.getCurrentSlide();
    var room = slide.scrollHeight - slide.clientHeight;
    var atEnd = direction > 0 ? slide.scrollTop >= room - 2 : slide.scrollTop <= 0;
    if (room > 2 && !atEnd) {
      slide.scrollBy({ top: direction * slide.clientHeight * 0.6, behavior: "auto" });
    } else if (direction > 0) { Reveal.next(); } else { Reveal.prev(); }
  }

  /* A slide that continues a section says which one, in small type above it. */
  function labelContinuations() {
    var stacks = document.querySelectorAll(".reveal .slides > section.wk-section");
    for (var i = 0; i < stacks.length; i++) {
      var parts = stacks[i].querySelectorAll(":scope > section.wk-slide"), title = titleOf(parts[0]);
      for (var j = 1; j < parts.length && title; j++) {
        var label = document.createElement("p");
        label.className = "wk-continued";
        label.textContent = title + " (continued)";
        parts[j].insertBefore(label, parts[j].firstChild);
      }
    }
  }

  function start() {
    labelContinuations();
    Reveal.initialize({
      width: SLIDE_W, height: SLIDE_H, margin: 0, minScale: 0.2, maxScale: 2.0,
      center: false, hash: true, navigationMode: "linear", transition: "none",
      backgroundTransition: "none", controls: true, controlsTutorial: false, progress: true,
      slideNumber: "c/t", help: true, mouseWheel: false, viewDistance: 99,
      keyboardCondition: keyboardCondition,
      keyboard: { 83: openSpeaker, 40: function () { scrollOr(1); },
                  38: function () { scrollOr(-1); } }
    });
    Reveal.on("slidechanged", updateSpeaker);
    Reveal.on("ready", function () { document.body.classList.add("wk-slides-ready"); });
    // Widgets render after the page arrives and change height as they are used: keep the
    // speaker window's notes current and let reveal.js measure again.
    new MutationObserver(function () { updateSpeaker(); }).observe(
      document.querySelector(".reveal .slides"), { childList: true, subtree: true });
    setInterval(tick, 1000);
  }

  var cells = document.getElementById("rendered_cells");
  if (!window.Reveal || !cells) { return; }  // no reveal.js: the page stays a plain page
  function whenShown() {
    if (cells.style.display === "none") { setTimeout(whenShown, 100); return; }
    start();
  }
  whenShown();
})();
