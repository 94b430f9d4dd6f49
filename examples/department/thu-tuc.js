/* global URLSearchParams */
// The procedure page is one static file for every code: the code comes from `?ma=`. The element treats it as
// text and asks the API, which answers "not found" for anything that is not a catalogue code.
const code = new URLSearchParams(location.search).get('ma');
const procedure = document.querySelector('dvc-procedure');
if (code && procedure) procedure.setAttribute('code', code);
