// Sightline UI behaviour. No inline scripts: the Content-Security-Policy only allows files of the hub.
(function () {
  "use strict";

  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute("content") : null;
  }

  // Every htmx request carries the session's CSRF token, as the hidden field does for plain forms.
  document.addEventListener("htmx:configRequest", function (event) {
    var header = meta("_csrf_header");
    var token = meta("_csrf");
    if (header && token) event.detail.headers[header] = token;
  });

  // Clears the add form once the server accepted it.
  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.detail.elt;
    if (event.detail.successful && form && form.matches && form.matches("form[data-reset-on-success]")) form.reset();
  });

  document.addEventListener("change", function (event) {
    var el = event.target;
    if (el.matches && el.matches("select[data-autosubmit]") && el.form) el.form.submit();
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) event.preventDefault();
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-copy]") : null;
    if (!button) return;
    var source = document.querySelector(button.getAttribute("data-copy"));
    if (!source) return;
    var text = source.textContent.trim();
    var done = function () { button.textContent = "Copied"; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { selectText(source); });
    } else {
      selectText(source);
    }
  });

  function selectText(el) {
    var range = document.createRange();
    range.selectNodeContents(el);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
})();

// --- responsive main menu ---
// The menu is a native <details> and works without this; here Escape and a click elsewhere close it.
(function () {
  "use strict";
  function openMenu() {
    return document.querySelector("details.navmenu[open]");
  }
  document.addEventListener("keydown", function (event) {
    var menu = openMenu();
    if (event.key !== "Escape" || !menu) return;
    menu.removeAttribute("open");
    menu.querySelector("summary").focus();
  });
  document.addEventListener("click", function (event) {
    var menu = openMenu();
    if (menu && !menu.contains(event.target)) menu.removeAttribute("open");
  });
})();

// --- observables table ---
// "Select all" ticks the rows shown; a picked row is highlighted. An action button with data-confirm
// (Delete) asks first, for htmx requests as for plain form posts.
(function () {
  "use strict";

  function picks() {
    return document.querySelectorAll("input.obs-pick");
  }

  document.addEventListener("change", function (event) {
    var el = event.target;
    if (el.id === "obs-select-all") {
      picks().forEach(function (box) {
        box.checked = el.checked;
        box.closest("tr").classList.toggle("obs-picked", el.checked);
      });
    } else if (el.classList && el.classList.contains("obs-pick")) {
      el.closest("tr").classList.toggle("obs-picked", el.checked);
    }
  });

  document.addEventListener("htmx:confirm", function (event) {
    var trigger = event.detail.triggeringEvent;
    var button = trigger && trigger.submitter;
    var question = button && button.getAttribute("data-confirm");
    if (!question) return;
    event.preventDefault();
    if (window.confirm(question)) event.detail.issueRequest(true);
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button[data-confirm]") : null;
    if (!button || !button.form || button.form.hasAttribute("hx-post")) return;
    if (!window.confirm(button.getAttribute("data-confirm"))) event.preventDefault();
  });
})();

// --- alert list and history ---
(function () {
  "use strict";
  // "Select all" in the alert list: ticks the boxes named by data-select-all (they belong to the bulk form).
  document.addEventListener("change", function (event) {
    var box = event.target;
    var name = box.getAttribute && box.getAttribute("data-select-all");
    if (!name) return;
    var boxes = document.querySelectorAll('input[type=checkbox][name="' + name + '"]');
    for (var i = 0; i < boxes.length; i++) boxes[i].checked = box.checked;
  });
})();

// Size limits of forms (data-max-bytes, the body limit the hub enforces; data-max-file-bytes, the limit
// of one uploaded file): a form that would be refused is not sent; the refusal is shown in the form,
// whose text stays as typed.
(function () {
  "use strict";

  function encodedBytes(form) {
    var fields = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (typeof value === "string") fields.append(name, value);
    });
    return new TextEncoder().encode(fields.toString()).length;
  }

  function size(n) {
    if (n >= 1048576) return (n % 1048576 === 0 ? n / 1048576 : (n / 1048576).toFixed(1)) + " MB";
    return Math.ceil(n / 1024) + " KB";
  }

  // A form with files (data-max-file-bytes): the first file over the limit, or null.
  function fileTooLarge(form) {
    var max = Number(form.getAttribute("data-max-file-bytes"));
    if (!max) return null;
    var inputs = form.querySelectorAll("input[type=file]");
    for (var i = 0; i < inputs.length; i++) {
      for (var j = 0; j < inputs[i].files.length; j++) {
        if (inputs[i].files[j].size > max) return {file: inputs[i].files[j], max: max};
      }
    }
    return null;
  }

  // True when the form may be sent; otherwise shows why at the form's size-error slot.
  function withinLimit(form) {
    var max = Number(form.getAttribute("data-max-bytes"));
    var slot = form.querySelector("[data-size-error]");
    var big = fileTooLarge(form);
    if (big) {
      if (slot) {
        slot.hidden = false;
        slot.textContent = "Too large to send: " + big.file.name + " is " + size(big.file.size)
          + " where the hub accepts at most " + size(big.max) + " per file. Nothing was sent.";
      }
      return false;
    }
    if (!max || form.enctype === "multipart/form-data") return true;
    var bytes = encodedBytes(form);
    if (slot) slot.hidden = bytes <= max;
    if (bytes <= max) return true;
    if (slot) {
      slot.textContent = "Too large to send: " + size(bytes) + " where the hub accepts at most " + size(max)
        + ". Shorten the text; nothing was sent.";
      slot.scrollIntoView({block: "center"});
    }
    return false;
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.matches && form.matches("form[data-max-bytes], form[data-max-file-bytes]") && !withinLimit(form)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  document.addEventListener("htmx:beforeRequest", function (event) {
    var form = event.detail.elt;
    if (form && form.matches && form.matches("form[data-max-bytes], form[data-max-file-bytes]") && !withinLimit(form)) event.preventDefault();
  });
})();

// "Back to the form" on the page of a refused form goes back in history, where the browser kept
// what was typed; without scripts the link opens the form again.
document.addEventListener("click", function (event) {
  "use strict";
  var link = event.target.closest ? event.target.closest("a[data-history-back]") : null;
  if (link && window.history.length > 1) {
    event.preventDefault();
    window.history.back();
  }
});
