/* news-digest search: Pagefind behind Material's search box (theme/partials/search.html).
 *
 * Pagefind's index (pagefind/, written by `digest build`) is cut into chunks: a query loads
 * the chunks holding its words and one fragment per result shown, so it costs kilobytes
 * whatever the size of the archive. Nothing is loaded until the reader opens the search box.
 *
 * Stories rank above name pages (people, organisations, places, speakers): the two kinds are
 * searched apart (Pagefind filter "kind") and listed in that order.
 *
 * Result text comes from articles, so it never becomes live HTML: titles, dates and excerpts
 * are parsed in an inert <template> and rebuilt from text nodes and <mark> elements only.
 */
(() => {
  "use strict";

  const RESULTS = 10;       // results shown: a screen's worth; each one costs a fragment fetch
  const DEBOUNCE_MS = 120;  // pause in typing before a query: fewer wasted chunk fetches
  const EXCERPT_WORDS = 24; // about two lines of the result list on a laptop
  const KINDS = ["story", "name"]; // searched in this order: stories first

  const box = document.querySelector("[data-digest-search]");
  const toggle = document.getElementById("__search");
  if (!box || !toggle) return;
  const input = box.querySelector(".md-search__input");
  const form = box.querySelector(".md-search__form");
  const meta = box.querySelector(".md-search-result__meta");
  const list = box.querySelector(".md-search-result__list");
  const folder = new URL(box.dataset.pagefind, location.href);
  let engine = null;
  let latest = 0;
  let timer = 0;

  function load() {
    if (!engine) {
      engine = import(new URL("pagefind.js", folder).href).then(async (pagefind) => {
        await pagefind.options({
          baseUrl: new URL("..", folder).pathname,
          excerptLength: EXCERPT_WORDS,
        });
        return pagefind;
      });
    }
    return engine;
  }

  function plain(html) {
    const template = document.createElement("template");
    template.innerHTML = html || ""; // inert: nothing in a template runs or loads
    return template.content.textContent;
  }

  function excerpt(html) {
    const template = document.createElement("template");
    template.innerHTML = html || "";
    return Array.from(template.content.childNodes, (node) => {
      if (node.nodeName !== "MARK") return document.createTextNode(node.textContent);
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      return mark;
    });
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function item(data) {
    const link = element("a", "md-search-result__link");
    link.href = data.url;
    link.tabIndex = -1;
    const article = element("article", "md-search-result__article md-typeset");
    article.append(element("h1", "", plain(data.meta.title) || data.url));
    const kicker = data.meta.date || data.meta.section; // a story's dates, a name's section
    if (kicker) article.append(element("p", "dg-search-date", plain(kicker)));
    const text = element("p", "dg-search-excerpt");
    text.append(...excerpt(data.excerpt));
    article.append(text);
    link.append(article);
    const li = element("li", "md-search-result__item");
    li.append(link);
    return li;
  }

  function count(total) {
    if (total === 0) return "No matching stories";
    return total === 1 ? "1 matching page" : `${total} matching pages`;
  }

  async function run(query, mine) {
    try {
      const pagefind = await load();
      const found = await Promise.all(
        KINDS.map((kind) => pagefind.search(query, { filters: { kind } })));
      if (mine !== latest) return;
      const hits = found.flatMap((result) => result.results);
      const shown = await Promise.all(hits.slice(0, RESULTS).map((hit) => hit.data()));
      if (mine !== latest) return;
      meta.textContent = count(hits.length);
      list.replaceChildren(...shown.map(item));
    } catch (error) {
      meta.textContent = "Search needs the site to be served over HTTP.";
      console.warn("search unavailable:", error);
    }
  }

  function search() {
    clearTimeout(timer);
    const query = input.value.trim();
    const mine = ++latest;
    if (!query) {
      meta.textContent = "Type to start searching";
      list.replaceChildren();
      return;
    }
    timer = setTimeout(() => run(query, mine), DEBOUNCE_MS);
  }

  function open() {
    toggle.checked = true;
    input.focus();
    input.select();
    load().catch(() => {});
  }

  function close() {
    toggle.checked = false;
    input.blur();
  }

  function links() {
    return Array.from(list.querySelectorAll(".md-search-result__link"));
  }

  function move(step) {
    const all = [input, ...links()];
    const at = all.indexOf(document.activeElement);
    const next = all[(at + step + all.length) % all.length];
    if (next) next.focus();
  }

  function typing(target) {
    return target instanceof HTMLElement &&
      (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  input.addEventListener("input", search);
  input.addEventListener("focus", () => { if (!toggle.checked) open(); });
  toggle.addEventListener("change", () => { if (toggle.checked) open(); });
  form.addEventListener("reset", () => setTimeout(search));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = links()[0];
    if (first) first.click();
  });
  document.addEventListener("keydown", (event) => {
    if (event.metaKey || event.ctrlKey || event.altKey) return;
    if (toggle.checked) {
      if (event.key === "Escape") close();
      else if (event.key === "ArrowDown") move(1);
      else if (event.key === "ArrowUp") move(-1);
      else return;
      event.preventDefault();
    } else if (["/", "s", "f"].includes(event.key) && !typing(event.target)) {
      event.preventDefault(); // the same keys as Material's own search
      open();
    }
  });
})();
