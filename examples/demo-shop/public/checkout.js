// Checkout. Two of the article's scenarios live here, on purpose:
//  1. The invisible error: an invalid field shows a toast that disappears after 2 s, and
//     nothing is sent. The user sees "nothing happened"; the backend sees nothing at all.
//  2. The race condition: "Place order" is not disabled while the order is on its way, so
//     a fast double click sends two orders for one cart (and the API is not idempotent).
const form = document.getElementById('checkout-form');
const toastHost = document.getElementById('toast-host');
const confirmation = document.getElementById('confirmation');
let placed = false;

const RULES = [
  ['name', (value) => value.trim().length > 1, 'Please enter your full name.'],
  ['email', (value) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value), 'Please enter a valid email address.'],
  ['address', (value) => value.trim().length > 4, 'Please enter your street address.'],
  ['postalCode', (value) => /^\d{5}$/.test(value.trim()), 'Postal code must have 5 digits.'],
  ['card', (value) => /^\d{16}$/.test(value.replace(/[\s-]/g, '')), 'Card number must have 16 digits.'],
];

function showToast(message) {
  const toast = document.createElement('div');
  toast.className = 'toast';
  toast.textContent = message;
  toastHost.appendChild(toast);
  setTimeout(() => toast.remove(), 2000);
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData(form);
  const failed = RULES.find(([field, isValid]) => !isValid(String(data.get(field) ?? '')));
  if (failed) {
    showToast(failed[2]);
    return;
  }
  const response = await fetch('/api/orders', { method: 'POST', headers: { 'content-type': 'application/json' } });
  if (response.ok) {
    const order = await response.json();
    placed = true;
    form.hidden = true;
    confirmation.hidden = false;
    confirmation.textContent = `Thank you! Order #${order.orderId} is on its way.`;
    document.getElementById('cart-count').textContent = '0';
  } else if (!placed) {
    showToast('Something went wrong. Please try again.');
  } else {
    // the user already sees the confirmation: only the console (and so the replay) knows
    // biome-ignore lint/suspicious/noConsole: page code, and the recorder captures console errors
    console.error(`order request failed: ${response.status}`);
  }
});
