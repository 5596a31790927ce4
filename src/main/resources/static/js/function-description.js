// Coordinaat: the print button of the function-description print view (no inline scripts: the CSP forbids them).
document.addEventListener('click', function (event) {
  var button = event.target.closest && event.target.closest('[data-print]');
  if (button) {
    event.preventDefault();
    window.print();
  }
});
