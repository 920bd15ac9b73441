/* news-digest search: Pagefind behind Material's search box (theme/partials/search.html).
 *
 * Pagefind's index (pagefind/, written by `digest build`) is cut into chunks: a query loads
 * the chunks holding its words and one fragment per result shown, so it costs kilobytes
 * whatever the size of the archive. Nothing is loaded until the reader opens the search box;
 * opening it starts loading Pagefind (script, wasm, metadata, the "kind" filter) so that the
 * words typed meet it ready, and each key preloads the chunk of the word typed so far.
 * Results are drawn five at a time (each costs a fragment); more come on scrolling to the
 * end of the list or with the "more" button.
 *
 * Stories rank above name pages (people, organisations, places, speakers): the two kinds are
 * searched apart (Pagefind filter "kind") and listed in that order.
 *
 * Result text comes from articles, so it never becomes live HTML: titles, dates and excerpts
 * are parsed in an inert <template> and rebuilt from text nodes and <mark> elements only.
 */
(() => {
  "use strict";

  // Results drawn at once: about what the result panel shows above the fold on a 1280x900
  // screen (four and a half). Each costs a fragment fetch (up to 7 KB on the real pile), so
  // ten at once spent bytes and waiting on results below the fold (issue 17).
  const BATCH = 5;
  // Pause in typing before a query's results (their fragments) are fetched. A reader typing
  // eight or more keys a second pauses less between keys, so half-typed words fetch no
  // fragments (their index chunk is preloaded meanwhile); 120 ms before, cut to 100 because
  // the whole pause is waited after the last key. A paste or completion (more than one
  // character at once) is searched at once.
  const DEBOUNCE_MS = 100;
  const EXCERPT_WORDS = 24; // about two lines of the result list on a laptop
  const NEAR_END_PX = 48;   // scrolled this close to the list's end: draw the next batch
  const KINDS = ["story", "name"]; // searched in this order: stories first

  const box = document.querySelector("[data-digest-search]");
  const toggle = document.getElementById("__search");
  if (!box || !toggle) return;
  const input = box.querySelector(".md-search__input");
  const form = box.querySelector(".md-search__form");
  const meta = box.querySelector(".md-search-result__meta");
  const list = box.querySelector(".md-search-result__list");
  const scroller = box.querySelector(".md-search__scrollwrap");
  const folder = new URL(box.dataset.pagefind, location.href);
  let engine = null;
  let latest = 0;
  let timer = 0;
  let previous = "";
  let pending = null; // {hits, next, mine}: the results not drawn yet

  // Pagefind on the page's own thread (noWorker): its worker costs one more script and a
  // round trip before the first answer, and a query's search is a few milliseconds of wasm.
  function load() {
    if (!engine) {
      engine = import(new URL("pagefind.js", folder).href).then(async (pagefind) => {
        await pagefind.options({
          baseUrl: new URL("..", folder).pathname,
          excerptLength: EXCERPT_WORDS,
          noWorker: true,
        });
        await pagefind.init();
        // The "kind" filter every query needs, loaded beside the first query's index chunk
        // rather than before it.
        pagefind.filters().catch(() => {});
        return pagefind;
      });
      engine.catch(() => { engine = null; }); // a failed load is retried by the next query
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

  function moreButton(left) {
    const button = element("button", "dg-search-more",
      `Show ${Math.min(left, BATCH)} more of ${left}`);
    button.type = "button";
    button.addEventListener("click", () => drawMore(true).catch(failed));
    const li = element("li", "dg-search-more__item");
    li.append(button);
    return li;
  }

  function failed(error) {
    console.warn("search: more results could not be loaded:", error);
  }

  function count(total) {
    if (total === 0) return "No matching stories";
    return total === 1 ? "1 matching page" : `${total} matching pages`;
  }

  // Draws the next batch of the pending results (their fragments fetched together), then
  // the "more" button if any are left. Returns false when there was nothing to draw.
  async function drawMore(focus) {
    const batch = pending;
    if (!batch || batch.next >= batch.hits.length) return false;
    // A click on "more" while a scroll already loads the batch: focus what that load draws.
    if (batch.busy) { batch.focus = batch.focus || focus; return false; }
    batch.busy = true;
    const hits = batch.hits.slice(batch.next, batch.next + BATCH);
    let shown;
    try {
      shown = await Promise.all(hits.map((hit) => hit.data()));
    } finally {
      batch.busy = false;
    }
    if (batch !== pending || batch.mine !== latest) return false;
    batch.next += hits.length;
    const items = shown.map(item);
    list.querySelector(".dg-search-more__item")?.remove();
    list.append(...items);
    const left = batch.hits.length - batch.next;
    if (left > 0) list.append(moreButton(left));
    if ((focus || batch.focus) && items.length) items[0].querySelector("a").focus();
    batch.focus = false;
    return true;
  }

  async function run(query, mine) {
    try {
      const pagefind = await load();
      const found = await Promise.all(
        KINDS.map((kind) => pagefind.search(query, { filters: { kind } })));
      if (mine !== latest) return;
      pending = { hits: found.flatMap((result) => result.results), next: 0, mine };
      list.replaceChildren();
      meta.textContent = count(pending.hits.length);
      await drawMore(false);
      if (mine === latest) list.dataset.query = query; // what the list answers (tests)
    } catch (error) {
      meta.textContent = "Search needs the site to be served over HTTP.";
      console.warn("search unavailable:", error);
    }
  }

  function search() {
    clearTimeout(timer);
    const query = input.value.trim();
    const mine = ++latest;
    const jump = query.length - previous.length > 1; // pasted or completed, not typed
    previous = query;
    if (!query) {
      pending = null;
      meta.textContent = "Type to start searching";
      list.replaceChildren();
      delete list.dataset.query;
      return;
    }
    if (jump) {
      run(query, mine);
      return;
    }
    // The word's index chunk loads while the reader is still typing (no fragments yet).
    load().then((pagefind) => pagefind.preload(query)).catch(() => {});
    timer = setTimeout(() => run(query, mine), DEBOUNCE_MS);
  }

  function nearEnd() {
    if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - NEAR_END_PX) {
      drawMore(false).catch(failed);
    }
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
    return Array.from(list.querySelectorAll(".md-search-result__link, .dg-search-more"));
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
  scroller.addEventListener("scroll", nearEnd, { passive: true });
  form.addEventListener("reset", () => setTimeout(search));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = list.querySelector(".md-search-result__link");
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
