// The verify page's check in the browser (issue 15). The page has already shown the site's
// verdict on the receipt in its address. This asks the site for what its public log holds about
// that receipt (POST /api/log/material: the entry, the latest signed checkpoint, the inclusion
// and consistency proofs, any revoke) and gives it, with the receipt, to the wasm module built
// from frontend/verify, which recomputes every hash and checks the checkpoint's signature with
// the same Rust code the server runs. The verdict is written into #browser-check in the page's
// language, from the messages the page carries (the template #browser-check-messages).
const region = document.getElementById('browser-check');
const receipt = new URLSearchParams(window.location.search).get('receipt');
const messages = new Map(
  Array.from(
    document.getElementById('browser-check-messages')?.content.querySelectorAll('[data-key]') ?? [],
    (p) => [p.dataset.key, p.textContent],
  ),
);
const message = (key) => messages.get(key) ?? key;

function show(lines, tone) {
  region.replaceChildren(
    ...lines.map((line, i) => {
      const p = document.createElement('p');
      if (i === 1) {
        const strong = document.createElement('strong');
        strong.textContent = line;
        p.append(strong);
      } else {
        p.textContent = line;
      }
      return p;
    }),
  );
  region.className = `notice ${tone}`;
  region.hidden = false;
}

async function check() {
  show([message('verify-browser-working')], '');
  try {
    const wasm = await import('./receipt.js');
    await wasm.default();
    const response = await fetch('/api/log/material', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({ receipt }),
    });
    if (!response.ok) throw new Error(`the log answered ${response.status}`);
    const verdict = JSON.parse(wasm.check(receipt, await response.text()));
    const intro = message('verify-browser-intro');
    if (verdict.Counted) {
      const detail = message('verify-browser-detail')
        .replace('{index}', verdict.Counted.index)
        .replace('{size}', verdict.Counted.log_size);
      show([intro, message('verify-counted'), detail], 'notice-success');
    } else if (verdict.Withdrawn) {
      show([intro, message('verify-withdrawn')], '');
    } else if (verdict.Pending) {
      show([intro, message('verify-pending')], '');
    } else {
      show([intro, message('verify-failed'), message(verdict.Failed.reason)], 'notice-error');
    }
    region.dataset.verdict = Object.keys(verdict)[0].toLowerCase();
  } catch (error) {
    console.warn('verify: the browser check could not run', error);
    show([message('verify-browser-error')], 'notice-error');
    region.dataset.verdict = 'error';
  }
}

if (region && receipt && receipt.trim()) check();
