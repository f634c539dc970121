// Loaded first by every page of the app in the other-engine suite (the suite's server adds this one script tag
// to the HTML; it is same-origin, so the deployment's CSP allows it). W3C WebDriver has no console log in
// WebKitGTK or Firefox, so this records what the Playwright fixture sees in Chromium: uncaught errors,
// rejected promises, console errors and warnings, and everything the Content-Security-Policy refuses.
(function () {
  var probe = { errors: [], warnings: [], violations: [] };
  window.__probe = probe;
  var text = function (args) {
    return Array.prototype.map
      .call(args, function (a) {
        try {
          return typeof a === "string" ? a : a instanceof Error ? a.stack || String(a) : JSON.stringify(a);
        } catch (e) {
          return String(a);
        }
      })
      .join(" ");
  };
  var error = console.error;
  console.error = function () {
    probe.errors.push("console.error: " + text(arguments));
    return error.apply(console, arguments);
  };
  var warn = console.warn;
  console.warn = function () {
    probe.warnings.push(text(arguments));
    return warn.apply(console, arguments);
  };
  window.addEventListener("error", function (e) {
    probe.errors.push("error: " + (e.message || (e.target && e.target.src) || "unknown"));
  });
  window.addEventListener("unhandledrejection", function (e) {
    probe.errors.push("unhandled rejection: " + text([e.reason]));
  });
  document.addEventListener("securitypolicyviolation", function (e) {
    probe.violations.push(e.violatedDirective + " " + e.blockedURI);
  });
})();
