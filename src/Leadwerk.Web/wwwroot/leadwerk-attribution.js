// Leadwerk attribution: keeps the visitor's first touch and landing page in this browser
// (localStorage, 90 days, no cookie) and fills them into every form marked data-leadwerk-form.
// With data-consent="required" on the script tag nothing is read or kept until the site calls
// Leadwerk.consentGranted().
(function () {
    "use strict";
    var KEYS = ["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "gclid", "fbclid", "msclkid", "li_fat_id"];
    var FIRST = "leadwerk.firstTouch", LANDING = "leadwerk.landing", DAYS = 90;
    var script = document.currentScript;
    var shownAt = Date.now();
    var granted = !(script && script.getAttribute("data-consent") === "required");

    function store(area) {
        try { return window[area]; } catch (e) { return null; }
    }

    function visit() {
        var params = new URLSearchParams(window.location.search), touch = {};
        KEYS.forEach(function (k) { var v = params.get(k); if (v) { touch[k] = v.slice(0, 255); } });
        if (document.referrer && document.referrer.indexOf(window.location.origin) !== 0) { touch.referrer = document.referrer.slice(0, 2000); }
        touch.landingUrl = window.location.href.slice(0, 2000);
        return touch;
    }

    function remember() {
        var local = store("localStorage"), session = store("sessionStorage"), now = Date.now();
        var current = visit();
        if (session && !session.getItem(LANDING)) { session.setItem(LANDING, JSON.stringify(current)); }
        if (!local) { return; }
        var kept = null;
        try { kept = JSON.parse(local.getItem(FIRST) || "null"); } catch (e) { kept = null; }
        if (!kept || now - kept.keptAt > DAYS * 86400000) {
            current.at = new Date(now).toISOString();
            current.keptAt = now;
            local.setItem(FIRST, JSON.stringify(current));
        }
    }

    function hidden(form, name, value) {
        if (value === undefined || value === null || value === "") { return; }
        var input = form.querySelector('input[type="hidden"][name="' + name + '"]');
        if (!input) {
            input = document.createElement("input");
            input.type = "hidden";
            input.name = name;
            form.appendChild(input);
        }
        input.value = value;
    }

    function fill() {
        var forms = document.querySelectorAll("form[data-leadwerk-form]");
        var local = store("localStorage"), session = store("sessionStorage");
        var landing = null, first = null;
        if (granted) {
            try { landing = JSON.parse((session && session.getItem(LANDING)) || "null"); } catch (e) { landing = null; }
            try { first = JSON.parse((local && local.getItem(FIRST)) || "null"); } catch (e) { first = null; }
        }
        Array.prototype.forEach.call(forms, function (form) {
            hidden(form, "leadwerk_shown", String(shownAt));
            if (!granted) { return; }
            var touch = landing || visit();
            KEYS.concat(["referrer", "landingUrl"]).forEach(function (k) { hidden(form, k, touch[k]); });
            if (first) {
                KEYS.concat(["referrer", "landingUrl", "at"]).forEach(function (k) { hidden(form, "firstTouch." + k, first[k]); });
            }
        });
    }

    window.Leadwerk = window.Leadwerk || {};
    window.Leadwerk.consentGranted = function () {
        granted = true;
        remember();
        fill();
    };

    if (granted) { remember(); }
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", fill);
    } else {
        fill();
    }
})();
