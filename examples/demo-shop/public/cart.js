// Product page: "Add to cart" posts to the shop's API. The recorder adds X-Session-ID,
// traceparent and baggage to this same-origin fetch, so the request's trace joins the session.
const button = document.getElementById('add-to-cart');
const status = document.getElementById('cart-status');

button.addEventListener('click', async () => {
  status.textContent = 'Adding…';
  const response = await fetch('/api/cart/items', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ productId: Number(button.dataset.productId), quantity: 1 }),
  });
  if (!response.ok) {
    status.textContent = 'Could not add it. Please try again.';
    return;
  }
  const { count } = await response.json();
  document.getElementById('cart-count').textContent = String(count);
  status.innerHTML = 'Added to your cart. <a href="/cart">View cart</a>';
});
