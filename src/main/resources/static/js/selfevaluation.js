// Coordinaat self-evaluation: the questionnaire one area at a time with a progress bar, and the print button of a
// code sheet. Without JavaScript every area shows at once and the server checks the answers.
(function () {
  document.addEventListener('click', function (event) {
    if (event.target.closest && event.target.closest('[data-print]')) {
      window.print();
    }
  });

  var form = document.getElementById('answer-form');
  if (!form) {
    return;
  }
  var areas = Array.prototype.slice.call(form.querySelectorAll('fieldset.survey-area'));
  var progress = document.getElementById('survey-progress');
  var step = document.getElementById('survey-step');
  var previous = document.getElementById('survey-previous');
  var next = document.getElementById('survey-next');
  var submit = document.getElementById('survey-submit');
  var missing = document.getElementById('step-missing');
  if (areas.length < 2) {
    if (progress) progress.value = areas.length;
    return;
  }
  // start on the first area with an error (after a refused submission), else the first
  var current = 0;
  for (var i = 0; i < areas.length; i++) {
    if (areas[i].querySelector('.answer-error')) { current = i; break; }
  }

  function unanswered(area) {
    var groups = area.querySelectorAll('.survey-statement');
    var open = [];
    for (var g = 0; g < groups.length; g++) {
      if (!groups[g].querySelector('input[type=radio]:checked')) open.push(groups[g]);
    }
    return open;
  }

  function show(index) {
    current = index;
    areas.forEach(function (a, n) { a.hidden = n !== index; });
    previous.hidden = index === 0;
    next.hidden = index === areas.length - 1;
    submit.hidden = index !== areas.length - 1;
    progress.value = index;
    step.textContent = form.getAttribute('data-step-label')
      .replace('{0}', String(index + 1)).replace('{1}', String(areas.length))
      .replace('{2}', areas[index].getAttribute('data-area-title'));
    missing.classList.add('d-none');
    window.scrollTo({top: 0, behavior: 'instant'});
  }

  next.addEventListener('click', function () {
    var open = unanswered(areas[current]);
    if (open.length > 0) {
      missing.textContent = form.getAttribute('data-missing');
      missing.classList.remove('d-none');
      open[0].scrollIntoView({block: 'center', behavior: 'instant'});
      return;
    }
    show(current + 1);
  });
  previous.addEventListener('click', function () { show(current - 1); });
  form.addEventListener('submit', function (event) {
    for (var n = 0; n < areas.length; n++) {
      if (unanswered(areas[n]).length > 0) {
        event.preventDefault();
        show(n);
        missing.textContent = form.getAttribute('data-missing');
        missing.classList.remove('d-none');
        return;
      }
    }
    progress.value = areas.length;
  });
  show(current);
})();
