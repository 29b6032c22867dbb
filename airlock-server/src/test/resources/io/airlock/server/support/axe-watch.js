// Runs axe-core on every page and dialog the browser shows: after each new document, route change or newly
// opened dialog, once the page has been still for a moment (a few seconds at most). Serious and critical
// violations are kept in window.__airlockAxe for the test to collect (AxeCheckedChrome); axe-core itself is
// injected before this.
(() => {
  // Airlock's own pages only: a test's local file (a bare video player) is not the product.
  if (window.top !== window || window.__airlockAxe || location.protocol === 'file:') return;
  const QUIET_MS = 400;
  const MAX_WAIT_MS = 4000;
  const state = { violations: [], running: null, pending: false, seen: '' };
  window.__airlockAxe = state;

  function place() {
    const dialogs = Array.from(document.querySelectorAll('[role=dialog],[role=alertdialog],dialog[open]'))
      .map((d) => d.getAttribute('aria-labelledby') || d.getAttribute('aria-label') || d.id || 'dialog');
    return location.pathname + ' ' + dialogs.join(',');
  }

  let lastMutation = Date.now();
  let firstTrigger = 0;
  let timer = 0;

  function schedule() {
    if (timer) return;
    timer = setTimeout(tick, QUIET_MS);
  }

  function tick() {
    timer = 0;
    const now = Date.now();
    if (now - lastMutation < QUIET_MS && now - firstTrigger < MAX_WAIT_MS) {
      schedule();
      return;
    }
    state.pending = false;
    firstTrigger = 0;
    settling.disconnect();
    run();
  }

  function run() {
    if (typeof axe === 'undefined' || state.running) {
      state.pending = true;
      return;
    }
    const where = place();
    state.running = axe
      .run(document, { resultTypes: ['violations'] })
      .then((results) => {
        for (const v of results.violations) {
          if (v.impact !== 'serious' && v.impact !== 'critical') continue;
          state.violations.push({
            where,
            id: v.id,
            impact: v.impact,
            help: v.help,
            targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' :: ' + n.failureSummary),
          });
        }
      })
      .catch((e) => state.violations.push({ where, id: 'axe-error', impact: 'critical', help: String(e), targets: [] }))
      .finally(() => {
        state.running = null;
        if (state.pending) trigger();
      });
  }

  // Watches the page for changes only while a run waits for it to settle: a steady stream of changes (a
  // terminal printing) must not pay for the watching.
  const settling = new MutationObserver(() => {
    lastMutation = Date.now();
  });

  function trigger() {
    state.pending = true;
    if (!firstTrigger) {
      firstTrigger = Date.now();
      lastMutation = firstTrigger;
      settling.observe(document.documentElement, { subtree: true, childList: true, attributes: true });
    }
    schedule();
  }

  function observe() {
    // A route or an open dialog changed: a client-side navigation fires no event, so look a few times a second.
    setInterval(() => {
      const now = place();
      if (now !== state.seen) {
        state.seen = now;
        trigger();
      }
    }, 250);
    state.seen = place();
    trigger();
  }

  // Lets the test wait for the runs in flight, then hands over what they found.
  state.drain = async () => {
    for (let i = 0; i < 100 && (state.pending || state.running); i++) {
      if (state.running) await state.running;
      else await new Promise((r) => setTimeout(r, 100));
    }
    const found = state.violations;
    state.violations = [];
    return found;
  };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', observe);
  else observe();
})();
