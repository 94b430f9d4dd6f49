/*
 * A stand-in for the jQuery 1.x that old CMS pages load (written for these tests; no network here): the global `$`
 * and `jQuery`, ready(), each/on/addClass/attr/css, and event delegation from the document, the way plugins use it.
 */
(function (window, document) {
  'use strict';
  function Wrapped(elements) {
    this.length = elements.length;
    for (var i = 0; i < elements.length; i++) this[i] = elements[i];
  }
  function $(selector, context) {
    if (typeof selector === 'function') return $(document).ready(selector);
    if (selector && (selector.nodeType || selector === window)) return new Wrapped([selector]);
    return new Wrapped(Array.prototype.slice.call((context || document).querySelectorAll(selector)));
  }
  $.fn = Wrapped.prototype;
  $.fn.jquery = '1.12.4-standin';
  $.fn.each = function (fn) { for (var i = 0; i < this.length; i++) fn.call(this[i], i, this[i]); return this; };
  $.fn.ready = function (fn) {
    if (document.readyState !== 'loading') setTimeout(fn, 0);
    else document.addEventListener('DOMContentLoaded', fn);
    return this;
  };
  $.fn.addClass = function (names) { return this.each(function () { this.classList && this.classList.add.apply(this.classList, names.split(' ')); }); };
  $.fn.attr = function (name, value) { return this.each(function () { this.setAttribute(name, value); }); };
  $.fn.css = function (name, value) { return this.each(function () { this.style[name] = value; }); };
  $.fn.on = function (type, selector, handler) {
    if (typeof selector === 'function') { handler = selector; selector = null; }
    return this.each(function () {
      this.addEventListener(type, function (event) {
        if (!selector) return handler.call(this, event);
        var target = event.target && event.target.closest ? event.target.closest(selector) : null;
        if (target) handler.call(target, event);
      });
    });
  };
  $.extend = function (target) {
    for (var i = 1; i < arguments.length; i++) for (var key in arguments[i]) target[key] = arguments[i][key];
    return target;
  };
  window.jQuery = window.$ = $;
})(window, document);
