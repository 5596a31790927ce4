// Coordinaat maintenance: shows only the target and schedule fields that apply in the plan form, fills "all in order"
// on an occurrence's checklist, and prints the network overview. Without JavaScript every field stays visible.
(function () {
  function sync() {
    var type = document.getElementById('targetType');
    if (type) {
      document.querySelectorAll('.target-field').forEach(function (el) {
        el.hidden = el.getAttribute('data-target') !== type.value;
      });
    }
    var rec = document.getElementById('recurrence');
    if (rec) {
      document.querySelectorAll('.recurrence-field').forEach(function (el) {
        el.hidden = el.getAttribute('data-recurrence').split(' ').indexOf(rec.value) < 0;
      });
    }
  }

  function fill(scope) {
    scope.querySelectorAll('select.check-outcome').forEach(function (s) {
      if (!s.value) {
        s.value = 'DONE';
      }
    });
  }

  document.addEventListener('change', function (event) {
    if (event.target && (event.target.id === 'targetType' || event.target.id === 'recurrence')) {
      sync();
    }
  });

  document.addEventListener('click', function (event) {
    var t = event.target;
    if (!t || !t.closest) {
      return;
    }
    if (t.id === 'all-done') {
      fill(document);
    } else if (t.classList.contains('target-all-done')) {
      fill(t.closest('.target-card'));
    } else if (t.id === 'print-network') {
      window.print();
    }
  });

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', sync);
  } else {
    sync();
  }
})();
