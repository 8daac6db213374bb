// A live session's countdown: the time left to its start (or its end) as
// H:MM:SS (the days in front, in the page's word for them), ticking every second; at zero the page reloads to show the session's
// new state (prices now in force, or ended). The server writes the first value, so
// the page reads the same without JavaScript.
(function () {
  'use strict';
  const clock = document.querySelector('[data-countdown-until]');
  if (!clock) return;
  const until = Date.parse(clock.getAttribute('data-countdown-until'));
  const daysWord = clock.getAttribute('data-days-word') || 'd';
  if (Number.isNaN(until)) return;
  const two = (n) => String(n).padStart(2, '0');
  function tick() {
    const left = Math.max(0, Math.floor((until - Date.now()) / 1000));
    const days = Math.floor(left / 86400);
    const rest = left % 86400;
    const text = `${Math.floor(rest / 3600)}:${two(Math.floor((rest % 3600) / 60))}:${two(rest % 60)}`;
    clock.textContent = days > 0 ? `${days} ${daysWord} ${text}` : text;
    if (left === 0) {
      clearInterval(timer);
      setTimeout(() => window.location.reload(), 1500);
    }
  }
  const timer = setInterval(tick, 1000);
  tick();
})();
