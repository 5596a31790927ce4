// Coordinaat helpdesk: insert a canned reply into the reply box; reload the report form for another school.
document.addEventListener('change', function (event) {
  var el = event.target;
  if (el.id === 'canned') {
    var option = el.options[el.selectedIndex];
    var body = option && option.getAttribute('data-body');
    var target = document.querySelector(el.getAttribute('data-target'));
    if (body && target) {
      target.value = target.value ? target.value + '\n\n' + body : body;
      target.focus();
    }
    el.selectedIndex = 0;
  }
  if (el.id === 'schoolId' && el.form && el.form.id === 'ticket-form') {
    var params = new URLSearchParams();
    params.set('school', el.value);
    ['assetId', 'roomId'].forEach(function (name) {
      var field = el.form.querySelector('[name="' + name + '"]');
      if (field && field.value) { params.set(name === 'assetId' ? 'asset' : 'room', field.value); }
    });
    window.location.assign(el.form.getAttribute('action') + '/new?' + params.toString());
  }
});
