// Small helpers for Blazor's JS interop. A file of its own: the Content-Security-Policy allows
// scripts from this origin, never inline ones.
window.leadwerk = {
    // Drafts of forms (FormDraft): what a user typed, kept in this browser until saved or discarded.
    // Written 300 ms after the last keystroke, not on every one.
    drafts: {
        pending: {},
        write: (key, values) => {
            clearTimeout(window.leadwerk.drafts.pending[key]);
            window.leadwerk.drafts.pending[key] = setTimeout(() => {
                delete window.leadwerk.drafts.pending[key];
                try {
                    localStorage.setItem('leadwerk.draft.' + key, JSON.stringify({ at: new Date().toISOString(), values }));
                } catch {
                    // Full or blocked storage: the form works on, without a draft.
                }
            }, 300);
        },
        read: key => {
            try {
                const draft = JSON.parse(localStorage.getItem('leadwerk.draft.' + key) || 'null');
                if (!draft || !draft.values) {
                    return null;
                }
                const at = new Date(draft.at);
                const today = at.toDateString() === new Date().toDateString();
                const shown = today ? { hour: '2-digit', minute: '2-digit' } : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };
                return { values: draft.values, at: at.toLocaleString(document.documentElement.lang || undefined, shown) };
            } catch {
                return null;
            }
        },
        clear: key => {
            clearTimeout(window.leadwerk.drafts.pending[key]);
            delete window.leadwerk.drafts.pending[key];
            try {
                localStorage.removeItem('leadwerk.draft.' + key);
            } catch {
                // Blocked storage holds no draft either.
            }
        },
    },

    // The browser's IANA time zone (Europe/Amsterdam), the default of a user who has set none.
    timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone || null,

    // A click on a bar or point of a MudBlazor axis chart, as (category, series): MudBlazor reports
    // only the series of a bar, and a dashboard figure must open the records of its own column.
    // The category is the x-axis label nearest the mark; the series is the legend entry of its colour.
    chartClicks: (container, target) => {
        const colour = text => (text || '').trim().toLowerCase();
        container.addEventListener('click', event => {
            const mark = event.target.closest('path.mud-chart-bar, circle.mud-chart-point');
            const svg = mark && mark.ownerSVGElement;
            if (!svg || !container.contains(svg)) {
                return;
            }
            // In the chart's own coordinates: labels may be thinned out (empty) on a long axis.
            const box = mark.getBBox();
            const x = box.x + box.width / 2;
            let category = -1, nearest = Infinity;
            svg.querySelectorAll('.mud-charts-xaxis text').forEach((label, i) => {
                const distance = Math.abs(parseFloat(label.getAttribute('x')) - x);
                if (distance < nearest) { nearest = distance; category = i; }
            });
            const legend = [...container.querySelectorAll('.mud-chart-legend-marker')]
                .map(m => colour((/background-color:\s*([^;]+)/i.exec(m.getAttribute('style') || '') || [])[1]));
            const series = Math.max(0, legend.indexOf(colour(mark.getAttribute('stroke') || mark.getAttribute('fill'))));
            if (category >= 0) {
                target.invokeMethodAsync('ChartClicked', category, series);
            }
        });
    },
};

// "/" anywhere but in a field focuses the app bar's search (as on GitHub or Gmail); arrows in that
// box move through its results, not the caret. A document listener, so it works on every page at once.
document.addEventListener('keydown', event => {
    const search = document.getElementById('global-search-input');
    if (!search) {
        return;
    }
    if (event.target === search && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
        event.preventDefault();
        return;
    }
    const target = event.target;
    const typing = target instanceof HTMLElement
        && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.closest('[role="dialog"]'));
    if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        search.focus();
        search.select();
    }
});

// Escape anywhere in a dialog that guards unsaved typing (UnsavedChanges.Guard turns MudBlazor's own
// Escape off there) does what its Cancel button does: ask when something changed, else close. One
// listener for the whole dialog, so its buttons hear Escape as its fields do; a stacked question
// (the discard confirmation) has no such button and keeps its own Escape.
document.addEventListener('keydown', event => {
    if (event.key !== 'Escape') {
        return;
    }
    const target = event.target instanceof Element ? event.target : null;
    const dialogs = document.querySelectorAll('.mud-dialog');
    const dialog = target && target.closest('.mud-dialog') || (target === document.body && dialogs.length > 0 ? dialogs[dialogs.length - 1] : null);
    const cancel = dialog && dialog.querySelector(':scope .mud-dialog-actions .dialog-cancel');
    if (cancel && !cancel.disabled) {
        event.preventDefault();
        cancel.click();
    }
});

// A field with a maximum length takes only that much of a paste, silently. Say so under the field,
// in the page's language, until the field is left. The note lives outside Blazor's markup (on
// <body>, placed under the field) so Blazor's rendering never meets an element it did not make.
(() => {
    const texts = {
        en: (max, pasted) => `Only the first ${max} characters were taken: this field holds at most ${max} (you pasted ${pasted}).`,
        nl: (max, pasted) => `Alleen de eerste ${max} tekens zijn overgenomen: dit veld bevat er hoogstens ${max} (u plakte er ${pasted}).`,
    };
    let note = null;
    let cutField = null;
    const remove = () => { if (note) { note.remove(); note = null; } };
    document.addEventListener('paste', event => {
        const field = event.target;
        if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) || !(field.maxLength > 0)) {
            return;
        }
        const pasted = (event.clipboardData && event.clipboardData.getData('text')) || '';
        const selected = (field.selectionEnd ?? 0) - (field.selectionStart ?? 0);
        if (field.value.length - selected + pasted.length <= field.maxLength) {
            return;
        }
        remove();
        const language = document.documentElement.lang === 'nl' ? 'nl' : 'en';
        note = document.createElement('p');
        note.className = 'paste-cut';
        note.setAttribute('role', 'alert');
        note.textContent = texts[language](field.maxLength, pasted.length);
        const box = field.getBoundingClientRect();
        note.style.left = `${box.left + window.scrollX}px`;
        note.style.top = `${box.bottom + window.scrollY + 4}px`;
        note.style.maxWidth = `${Math.max(box.width, 240)}px`;
        document.body.appendChild(note);
        cutField = field;
    }, true);
    // Gone once the focus is elsewhere (the note belongs to the field it stands under).
    document.addEventListener('focusin', event => { if (note && event.target !== cutField) { remove(); } });
})();

// The reconnect notice (Components/Layout/ReconnectModal.razor): Blazor shows it by a state class;
// its buttons and the focus on the one to press are ours.
(() => {
    const modal = document.getElementById('components-reconnect-modal');
    if (!modal) {
        return;
    }
    const retry = modal.querySelector('.reconnect-retry');
    const reload = modal.querySelector('.reconnect-reload');
    retry.addEventListener('click', async () => {
        try {
            if (!await window.Blazor.reconnect()) {
                location.reload();
            }
        } catch {
            location.reload();
        }
    });
    reload.addEventListener('click', () => location.reload());
    new MutationObserver(() => {
        const state = modal.classList;
        const button = state.contains('components-reconnect-failed') ? retry
            : state.contains('components-reconnect-rejected') || state.contains('components-reconnect-resume-failed') ? reload : null;
        if (button) {
            button.focus();
        }
    }).observe(modal, { attributes: true, attributeFilter: ['class'] });
})();
