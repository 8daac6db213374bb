// The collection point keeper's camera: it reads a parcel label's QR code and
// sends it with the page's form, so a keeper receives parcel after parcel
// without typing. Without a camera or JavaScript the form takes a typed code.
// The camera stays on from one parcel's answer to the next (this tab only).
import QrScanner from './qr-scanner-1.4.2.min.js';

const form = document.getElementById('scan-form');
const input = document.getElementById('code');
const panel = document.getElementById('camera');
const startButton = document.getElementById('camera-start');
const stopButton = document.getElementById('camera-stop');
const video = document.getElementById('camera-video');
const failure = document.getElementById('camera-failed');

const ON = 'dacsan-collect-camera';
const LAST = 'dacsan-collect-last';
// The label just sent is often still in view when the answer arrives.
const SAME_LABEL_MS = 8000;

let scanner = null;

function justSent(code) {
  try {
    const last = JSON.parse(sessionStorage.getItem(LAST) || 'null');
    return last !== null && last.code === code && Date.now() - last.at < SAME_LABEL_MS;
  } catch {
    return false;
  }
}

function send(code) {
  if (!code || justSent(code)) return;
  sessionStorage.setItem(LAST, JSON.stringify({ code, at: Date.now() }));
  scanner.stop();
  input.value = code;
  form.requestSubmit();
}

function showCamera(on) {
  video.hidden = !on;
  stopButton.hidden = !on;
  startButton.hidden = on;
}

async function start() {
  failure.hidden = true;
  showCamera(true);
  sessionStorage.setItem(ON, 'on');
  scanner ??= new QrScanner(video, (result) => send(result.data.trim()), {
    returnDetailedScanResult: true,
    preferredCamera: 'environment',
    maxScansPerSecond: 10,
  });
  try {
    await scanner.start();
  } catch {
    stop();
    failure.hidden = false;
  }
}

function stop() {
  sessionStorage.removeItem(ON);
  scanner?.stop();
  showCamera(false);
}

if (navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
  panel.hidden = false;
  startButton.addEventListener('click', start);
  stopButton.addEventListener('click', stop);
  if (sessionStorage.getItem(ON) === 'on') start();
}
