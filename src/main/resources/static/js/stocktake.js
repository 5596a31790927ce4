// Stocktake page: the scan field stays focused and empties after each scan (htmx swaps the lists), and the camera
// reads QR labels through the browser's BarcodeDetector where it exists (Chromium on Android); elsewhere the page
// says so and typing or a USB/Bluetooth scanner keeps working.
(function () {
  'use strict';
  var form = document.getElementById('scan-form');
  if (!form) {
    return;
  }
  var input = document.getElementById('scan-code');
  form.addEventListener('htmx:afterRequest', function () {
    input.value = '';
    input.focus();
  });

  var start = document.getElementById('camera-start');
  var stop = document.getElementById('camera-stop');
  var video = document.getElementById('camera-video');
  var unavailable = document.getElementById('camera-unavailable');
  var failed = document.getElementById('camera-error');
  if (!('BarcodeDetector' in window) || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    unavailable.classList.remove('d-none');
    return;
  }
  start.classList.remove('d-none');
  var stream = null;
  var detector = null;
  var last = '';
  var lastAt = 0;

  function show(running) {
    start.classList.toggle('d-none', running);
    stop.classList.toggle('d-none', !running);
    video.classList.toggle('d-none', !running);
  }

  function halt() {
    if (stream) {
      stream.getTracks().forEach(function (t) { t.stop(); });
    }
    stream = null;
    show(false);
  }

  function loop() {
    if (!stream) {
      return;
    }
    detector.detect(video).then(function (codes) {
      var now = Date.now();
      for (var i = 0; i < codes.length; i++) {
        var value = codes[i].rawValue;
        // the same label stays in view for a while: send it once every few seconds at most
        if (value && (value !== last || now - lastAt > 4000)) {
          last = value;
          lastAt = now;
          input.value = value;
          if (navigator.vibrate) {
            navigator.vibrate(60);
          }
          form.requestSubmit();
          break;
        }
      }
    }).catch(function () { /* a frame that could not be read */ }).then(function () {
      window.setTimeout(loop, 250);
    });
  }

  start.addEventListener('click', function () {
    failed.classList.add('d-none');
    window.BarcodeDetector.getSupportedFormats().then(function (formats) {
      if (formats.indexOf('qr_code') < 0) {
        throw new Error('no QR support');
      }
      detector = new window.BarcodeDetector({ formats: ['qr_code', 'code_128', 'code_39'].filter(function (f) {
        return formats.indexOf(f) >= 0;
      }) });
      return navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    }).then(function (s) {
      stream = s;
      video.srcObject = s;
      show(true);
      return video.play();
    }).then(loop).catch(function () {
      halt();
      failed.classList.remove('d-none');
    });
  });
  stop.addEventListener('click', function () {
    halt();
    input.focus();
  });
  window.addEventListener('pagehide', halt);
}());
