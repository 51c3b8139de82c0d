// Note previews: hovering or focusing a citation mark shows its note beside it.
// Progressive: without this script each mark is a plain link to its note.
// WCAG 1.4.13: the preview can be dismissed (Esc), hovered, and stays until then.
(function () {
  "use strict";
  var popover = null;
  var owner = null;
  var hideTimer = 0;

  function noteFor(link) {
    var id = link.getAttribute("href").slice(1);
    return document.getElementById(id);
  }

  function hide() {
    window.clearTimeout(hideTimer);
    if (popover) {
      popover.remove();
      popover = null;
    }
    if (owner) {
      owner.removeAttribute("aria-describedby");
      owner = null;
    }
  }

  function show(link) {
    var note = noteFor(link);
    if (!note) {
      return;
    }
    if (owner === link) {
      window.clearTimeout(hideTimer);
      return;
    }
    hide();
    popover = document.createElement("div");
    popover.className = "note-popover";
    popover.id = "note-popover";
    popover.setAttribute("role", "tooltip");
    var text = note.querySelector(".note-text");
    var links = note.querySelector(".note-links");
    var number = document.createElement("span");
    number.className = "note-popover-number";
    number.textContent = link.textContent + " ";
    popover.appendChild(number);
    if (text) {
      popover.appendChild(text.cloneNode(true));
    }
    if (links) {
      popover.appendChild(document.createTextNode(" "));
      popover.appendChild(links.cloneNode(true));
    }
    popover.addEventListener("mouseenter", function () { window.clearTimeout(hideTimer); });
    popover.addEventListener("mouseleave", scheduleHide);
    document.body.appendChild(popover);
    owner = link;
    link.setAttribute("aria-describedby", popover.id);
    place(link);
  }

  function place(link) {
    var r = link.getBoundingClientRect();
    var width = Math.min(360, document.documentElement.clientWidth - 16);
    popover.style.maxWidth = width + "px";
    var left = Math.max(8, Math.min(r.left + window.scrollX - 16, window.scrollX + document.documentElement.clientWidth - width - 8));
    popover.style.left = left + "px";
    popover.style.top = (r.bottom + window.scrollY + 6) + "px";
  }

  function scheduleHide() {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hide, 300);
  }

  document.addEventListener("mouseover", function (e) {
    var link = e.target.closest && e.target.closest("sup.cite a, .cite-in-text a");
    if (link) {
      show(link);
    }
  });
  document.addEventListener("mouseout", function (e) {
    var link = e.target.closest && e.target.closest("sup.cite a, .cite-in-text a");
    if (link && link === owner) {
      scheduleHide();
    }
  });
  document.addEventListener("focusin", function (e) {
    var link = e.target.closest && e.target.closest("sup.cite a, .cite-in-text a");
    if (link) {
      show(link);
    } else if (popover && !popover.contains(e.target)) {
      hide();
    }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && popover) {
      var link = owner;
      hide();
      if (link) {
        link.focus({ preventScroll: true });
        hide();
      }
    }
  });
  document.addEventListener("click", function (e) {
    if (popover && !popover.contains(e.target) && !(e.target.closest && e.target.closest("sup.cite a, .cite-in-text a"))) {
      hide();
    }
  });

  // Sidenotes: on wide screens each note also stands in the margin beside its first mark.
  var wide = window.matchMedia("(min-width: 75rem)");
  function layoutSidenotes() {
    document.querySelectorAll(".sidenote").forEach(function (n) { n.remove(); });
    document.body.classList.toggle("has-sidenotes", wide.matches);
    if (!wide.matches) {
      return;
    }
    var main = document.getElementById("main");
    if (!main) {
      return;
    }
    var top = main.getBoundingClientRect().top + window.scrollY;
    var floor = 0;
    document.querySelectorAll(".notes li[id^='note-']").forEach(function (note) {
      var mark = document.querySelector("sup.cite a[href='#" + note.id + "'], .cite-in-text a[href='#" + note.id + "']");
      var text = note.querySelector(".note-text");
      if (!mark || !text) {
        return;
      }
      var aside = document.createElement("aside");
      aside.className = "sidenote";
      aside.setAttribute("aria-hidden", "true");
      var number = document.createElement("span");
      number.className = "sidenote-number";
      number.textContent = note.getAttribute("value") + ". ";
      aside.appendChild(number);
      aside.appendChild(text.cloneNode(true));
      main.appendChild(aside);
      var y = Math.max(mark.getBoundingClientRect().top + window.scrollY - top, floor);
      aside.style.top = y + "px";
      floor = y + aside.offsetHeight + 8;
    });
  }
  if (wide.addEventListener) {
    wide.addEventListener("change", layoutSidenotes);
  }
  window.addEventListener("load", layoutSidenotes);
})();
