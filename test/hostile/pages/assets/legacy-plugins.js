/* global $ */
/*
 * What legacy themes do on ready, through the jQuery stand-in: restyle every form control and button they can see,
 * hijack in-page links for smooth scrolling, lazy-load images, equalise panel heights with inline styles, and
 * swallow the Enter key in text fields "to stop accidental submits" of the site's own forms.
 */
$(function () {
  $('input, select, textarea').addClass('form-control');
  $('button').addClass('btn btn-primary');
  $('img').attr('loading', 'lazy');
  $(document).on('click', 'a[href^="#"]', function (event) {
    event.preventDefault();
    window.__legacyScrolls = (window.__legacyScrolls || 0) + 1;
  });
  $(document).on('keydown', 'form.site-form input', function (event) {
    if (event.key === 'Enter') event.preventDefault();
  });
  $('.sidebar .panel').css('minHeight', '120px');
  window.__legacyReady = true;
});
