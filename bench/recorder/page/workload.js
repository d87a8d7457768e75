// The benchmark's fixed, mutation-heavy workload. Everything is driven by the page's own
// timers at fixed rates and a seeded random generator, so every variant (no recorder,
// bare rrweb, Sightline) sees exactly the same DOM changes, scrolls and mouse moves.
// `window.bench.run(ms)` runs it and resolves when done. With `?workload=calm` the page
// only scrolls and the pointer moves: a reading user, no DOM churn.
// A block, not a function: its bindings stay out of the page's globals.
{
  const calm = new URLSearchParams(location.search).get('workload') === 'calm';
  const ROWS = 200;
  let seed = 0x5eed;
  /** mulberry32: the same sequence on every run */
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (count) => Math.floor(random() * count);
  const words = ['alpha', 'bravo', 'cobalt', 'delta', 'ember', 'fjord', 'garnet', 'harbor', 'indigo', 'juniper'];
  const word = () => words[pick(words.length)];

  const list = document.getElementById('list');
  const feed = document.getElementById('feed');
  const clock = document.getElementById('clock');
  const banner = document.getElementById('banner');
  const details = document.getElementById('details');
  const search = document.getElementById('search');
  const toggle = document.getElementById('toggle');
  let serial = 0;

  const makeRow = () => {
    const row = document.createElement('li');
    row.className = 'row';
    serial += 1;
    row.innerHTML = `<span class="name">${word()} ${word()} #${serial}</span><span class="badge">${word()}</span><span class="price">${(random() * 1000).toFixed(2)}</span>`;
    return row;
  };
  for (let index = 0; index < ROWS; index++) list.appendChild(makeRow());
  for (let index = 0; index < 60; index++) {
    const item = document.createElement('p');
    item.textContent = `${word()} ${word()} ${word()} reported at ${index}`;
    feed.appendChild(item);
  }
  toggle.addEventListener('click', () => {
    details.hidden = !details.hidden;
    details.innerHTML = details.hidden
      ? ''
      : Array.from({ length: 20 }, () => `<p>${word()} ${word()} ${(random() * 100).toFixed(1)}%</p>`).join('');
  });

  const tasks = [
    // prices tick: text mutations, and rows lighting up: attribute mutations
    [
      100,
      () => {
        for (let n = 0; n < 10; n++) {
          const row = list.children[pick(list.children.length)];
          row.querySelector('.price').textContent = (random() * 1000).toFixed(2);
        }
        for (let n = 0; n < 5; n++) list.children[pick(list.children.length)].classList.toggle('hot');
      },
    ],
    // rows re-rendered: nodes removed and added
    [
      500,
      () => {
        for (let n = 0; n < 5; n++) {
          list.children[pick(list.children.length)].remove();
          list.insertBefore(makeRow(), list.children[pick(list.children.length)] ?? null);
        }
      },
    ],
    [
      100,
      () => {
        clock.textContent = new Date().toISOString().slice(11, 21);
      },
    ],
    // style changes
    [
      200,
      () => {
        banner.style.background = `hsl(${pick(360)} 60% 50%)`;
        banner.style.transform = `translateX(${pick(40)}px)`;
      },
    ],
    // the page scrolls its feed, and a new feed item arrives
    [
      250,
      () => {
        feed.scrollTop = (feed.scrollTop + 40) % (feed.scrollHeight - feed.clientHeight);
        const item = document.createElement('p');
        item.textContent = `${word()} ${word()} ${word()} reported`;
        feed.appendChild(item);
        feed.firstElementChild.remove();
      },
    ],
    // a user typing in the search field
    [
      1000,
      () => {
        search.value = search.value.length > 12 ? '' : search.value + word()[0];
        search.dispatchEvent(new Event('input', { bubbles: true }));
      },
    ],
    [2000, () => toggle.click()],
  ];

  // mouse moves at 60 Hz along a fixed path, as a moving pointer fires them
  let frame = 0;
  const moveMouse = () => {
    frame += 1;
    const x = 640 + Math.round(500 * Math.sin(frame / 40));
    const y = 360 + Math.round(300 * Math.sin(frame / 29));
    const target = document.elementFromPoint(x, y) ?? document.body;
    target.dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: y, bubbles: true }));
  };

  const scrollOnly = () => {
    feed.scrollTop = (feed.scrollTop + 40) % (feed.scrollHeight - feed.clientHeight);
  };

  window.bench = {
    run(durationMs) {
      const timers = (calm ? [[250, scrollOnly]] : tasks).map(([everyMs, task]) => setInterval(task, everyMs));
      timers.push(setInterval(moveMouse, 16));
      return new Promise((resolve) =>
        setTimeout(() => {
          for (const timer of timers) clearInterval(timer);
          resolve({ rows: list.children.length, mouseMoves: frame });
        }, durationMs),
      );
    },
  };
}
