/* mtlint correction report: details panel, keyboard navigation, copy button.
   Everything works without this script except the panel and the copy button. */
(function () {
  "use strict";
  var body = document.body;

  function highlightsOf(id) {
    return document.querySelectorAll('mark.hl[data-diag="' + id + '"]');
  }

  function articleOf(node) {
    return node.closest("section.article");
  }

  function marksIn(article) {
    return Array.prototype.slice.call(article.querySelectorAll(".article-text mark.hl[id]"));
  }

  function button(label, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.addEventListener("click", onClick);
    return b;
  }

  var active = null;

  function clearActive() {
    if (active) {
      highlightsOf(active).forEach(function (m) { m.classList.remove("active"); });
    }
    active = null;
  }

  function closePanel(panel, refocus) {
    var was = active;
    clearActive();
    panel.classList.remove("open");
    panel.replaceChildren();
    var p = document.createElement("p");
    p.className = "panel-empty";
    p.textContent = "Select a highlighted passage to see what is wrong and how to fix it.";
    panel.appendChild(p);
    if (refocus && was) {
      var m = document.getElementById(was);
      if (m) { m.focus(); }
    }
  }

  /* Shows finding `id` in its article's panel; `focusMark` moves focus to its highlight. */
  function show(id, focusMark) {
    var mark = document.getElementById(id);
    var item = document.getElementById("issue-" + id);
    if (!mark || !item) { return; }
    var article = articleOf(mark);
    var panel = article.querySelector(".panel");
    clearActive();
    active = id;
    highlightsOf(id).forEach(function (m) { m.classList.add("active"); });

    var marks = marksIn(article);
    var k = marks.indexOf(mark);
    panel.replaceChildren();
    var head = document.createElement("div");
    head.className = "panel-head";
    var title = document.createElement("p");
    title.className = "panel-title";
    title.textContent = "Finding " + (k + 1) + " of " + marks.length;
    head.appendChild(title);
    head.appendChild(button("Close", function () { closePanel(panel, true); }));
    panel.appendChild(head);

    var content = item.cloneNode(true);
    content.removeAttribute("id");
    content.querySelectorAll("[id]").forEach(function (n) { n.removeAttribute("id"); });
    var box = document.createElement("div");
    box.className = content.className;
    while (content.firstChild) { box.appendChild(content.firstChild); }
    panel.appendChild(box);

    var nav = document.createElement("div");
    nav.className = "panel-nav";
    var prev = button("◀ Previous", function () { if (k > 0) { show(marks[k - 1].id, true); } });
    var next = button("Next ▶", function () { if (k + 1 < marks.length) { show(marks[k + 1].id, true); } });
    prev.disabled = k <= 0;
    next.disabled = k + 1 >= marks.length;
    nav.appendChild(prev);
    nav.appendChild(next);
    var inList = document.createElement("a");
    inList.href = "#issue-" + id;
    inList.textContent = "In the list";
    nav.appendChild(inList);
    panel.appendChild(nav);
    panel.classList.add("open");
    if (focusMark) {
      mark.focus({ preventScroll: true });
      mark.scrollIntoView({ block: "center" });
    }
  }

  document.addEventListener("click", function (e) {
    var goto = e.target.closest("a[data-goto]");
    if (goto) {
      e.preventDefault();
      show(goto.getAttribute("data-goto"), true);
      return;
    }
    var mark = e.target.closest("mark.hl");
    if (mark) {
      show(mark.getAttribute("data-diag"), false);
    }
  });

  document.addEventListener("keydown", function (e) {
    var mark = e.target.closest ? e.target.closest("mark.hl") : null;
    if (mark && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      show(mark.getAttribute("data-diag"), false);
    } else if (e.key === "Escape" && active) {
      var m = document.getElementById(active);
      if (m) { closePanel(articleOf(m).querySelector(".panel"), true); }
    }
  });

  document.querySelectorAll("button.copy[data-copy]").forEach(function (b) {
    b.hidden = false;
    b.addEventListener("click", function () {
      var area = document.getElementById(b.getAttribute("data-copy"));
      if (!area) { return; }
      var done = function () { b.textContent = "Copied"; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(area.value).then(done, function () {
          area.select();
          if (document.execCommand("copy")) { done(); }
        });
      } else {
        area.select();
        if (document.execCommand("copy")) { done(); }
      }
    });
  });

  /* Self-check: every finding has a highlight carrying its id. */
  var highlighted = 0;
  document.querySelectorAll("mark.hl[id]").forEach(function (m) {
    if (m.id === m.getAttribute("data-diag")) { highlighted += 1; }
  });
  body.setAttribute("data-highlights", String(highlighted));
  body.setAttribute("data-ready", "true");
})();
