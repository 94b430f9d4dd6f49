/*
 * Globals other scripts on real pages leave behind, set before dvc-kit loads: another Lit's version registries and
 * a fake `Lit` namespace, a Node-style `process`, an AMD loader (`define.amd`, as RequireJS sets it) with CommonJS
 * leftovers, a wrapped `customElements.define` (analytics and polyfills do this), and prototype pollution of the kind
 * vulnerable merge helpers cause. Classic script, so it runs first.
 */
window.Lit = { version: '1.0.0-host', html: function () { throw new Error('host Lit used'); } };
window.litHtmlVersions = ['1.4.1'];
window.litElementVersions = ['2.5.1'];
window.reactiveElementVersions = ['1.0.0'];
window.process = { env: { NODE_ENV: 'development' }, browser: true };
window.global = window;
window.module = {};
window.exports = {};
window.require = function () { throw new Error('require() is not available on this page'); };
window.define = function () { window.__amdDefines = (window.__amdDefines || 0) + 1; };
window.define.amd = { jQuery: true };

window.__definedTags = [];
(function () {
  var define = customElements.define;
  customElements.define = function (name, constructor, options) {
    window.__definedTags.push(name);
    return define.call(customElements, name, constructor, options);
  };
})();

// Enumerable, as a buggy deep-merge leaves them: every `for...in` and every object literal now "has" these.
Object.prototype.polluted = 'yes';
Object.prototype.hidden = true;
Object.prototype.lang = 'en';
Object.prototype.baseUrl = 'https://attacker.example';
Object.prototype.retry = 0;
Array.prototype.unique = function () { return this; };
