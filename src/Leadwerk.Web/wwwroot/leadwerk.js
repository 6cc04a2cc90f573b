// Small helpers for Blazor's JS interop. A file of its own: the Content-Security-Policy allows
// scripts from this origin, never inline ones.
window.leadwerk = {
    // The browser's IANA time zone (Europe/Amsterdam), the default of a user who has set none.
    timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone || null,
};
