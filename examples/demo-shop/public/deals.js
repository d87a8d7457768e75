// Flash deals: scenario 3, the slow page. The "breathing" grid animation reads every
// card's height and, card by card, nudges the grid's padding to keep the tallest card
// centred: read, write, read, write… Each write changes the width of every card, so
// each read forces the browser to lay the whole grid out again, text and all — layout
// thrashing, a few hundred times per frame. A CSS animation of `padding` on every badge
// makes it worse. The page is not frozen; it is just very slow.
const grid = document.querySelector('.deal-grid');
const cards = Array.from(grid.querySelectorAll('.deal-card'));
const status = document.getElementById('deals-status');
const ANIMATION_MS = 5000;
const started = performance.now();

function frame(now) {
  const remainingMs = Math.max(0, ANIMATION_MS - (now - started));
  let tallest = 0;
  for (const [index, card] of cards.entries()) {
    tallest = Math.max(tallest, card.offsetHeight); // read: forces a layout of the whole grid
    grid.style.paddingInline = `${(tallest + index) % 4}px`; // write: every card's width changes
  }
  if (remainingMs > 0) {
    status.textContent = `Deals are shuffling in… ${(remainingMs / 1000).toFixed(1)} s`;
    requestAnimationFrame(frame);
  } else {
    grid.style.paddingInline = '';
    status.textContent = `${cards.length} deals, ending soon.`;
  }
}
requestAnimationFrame(frame);
