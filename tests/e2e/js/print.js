// Under print media, on a viewport as wide as the paper's printable width: what would be lost.
(width) => {
    const problems = [];
    const where = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
        (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '');
    const shown = el => {
        const r = el.getBoundingClientRect();
        return getComputedStyle(el).display !== 'none' && r.width > 0 && r.height > 0;
    };
    // No cut-off columns: every table fits the printable width.
    for (const table of document.querySelectorAll('table')) {
        const r = table.getBoundingClientRect();
        if (table.scrollWidth > width + 1 || r.right > width + 1)
            problems.push('table wider than the paper (' + Math.round(Math.max(table.scrollWidth, r.right)) +
                ' > ' + width + ' px): ' + (table.querySelector('th') || table).innerText.slice(0, 40));
    }
    if (document.documentElement.scrollWidth > width + 1)
        problems.push('page wider than the paper: ' + document.documentElement.scrollWidth + ' > ' + width + ' px');
    // No navigation chrome on paper.
    for (const el of document.querySelectorAll('header.top, nav, button, form, .skip, .messages, .no-print, .outbox')) {
        if (shown(el)) problems.push('shown on paper: ' + where(el));
    }
    // A household never splits across two pages.
    for (const el of document.querySelectorAll('.household-sheet, .cards > li, tr')) {
        const rule = getComputedStyle(el).breakInside;
        if (rule !== 'avoid' && rule !== 'avoid-page') problems.push('may split across pages: ' + where(el));
    }
    // The printer's paper (A4 or A5) is honoured: a fixed size on the unnamed @page makes
    // Chromium lay every paper out at that size and shrink it to fit.
    for (const sheet of document.styleSheets) {
        let rules;
        try { rules = sheet.cssRules; } catch (e) { continue; }
        for (const rule of rules) {
            if (rule.type !== CSSRule.PAGE_RULE || rule.selectorText) continue;
            const size = rule.style.getPropertyValue('size');
            if (size && size !== 'auto') problems.push('@page size ' + size + ' in ' + sheet.href);
            else if (size === 'auto') problems.splice(0, problems.length, ...problems.filter(p => !p.startsWith('@page size')));
        }
    }
    return problems;
}
