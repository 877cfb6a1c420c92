// Readability checks on the phone (see readability_problems): a list of problems.
(() => {
    const problems = [];
    const visible = el => {
        const s = getComputedStyle(el), r = el.getBoundingClientRect();
        return s.visibility !== 'hidden' && s.display !== 'none' && r.width > 0 && r.height > 0 &&
            r.right > 0 && r.bottom > 0;  // the skip link waits off-screen until focused
    };
    const where = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
        (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '') +
        ' "' + (el.innerText || el.value || el.name || '').trim().slice(0, 40) + '"';
    const base = parseFloat(getComputedStyle(document.body).fontSize);
    if (base < 18) problems.push('base font ' + base + ' px < 18 px');
    // Text a person reads: never smaller than 16 px (0.9 of the base).
    for (const el of document.querySelectorAll('p, li, td, th, dd, dt, label, a, button, input, select, textarea, span, div')) {
        if (!visible(el)) continue;
        const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
        if (!own && !el.matches('input, select, textarea')) continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (size < 16) problems.push('text ' + size + ' px < 16 px: ' + where(el));
    }
    // Touch targets: 48 px for every control and every link that stands alone. A link inside
    // a sentence is exempt (WCAG 2.5.8's inline exception); a link that fills a table cell,
    // where rows are the spacing, needs WCAG 2.5.8's 24 px.
    for (const el of document.querySelectorAll('a[href], button, input, select, textarea, summary, [role=button]')) {
        if (el.matches('input[type=hidden]') || !visible(el)) continue;
        let target = el;
        if (el.matches('input[type=checkbox], input[type=radio]')) target = el.closest('label') || (el.labels && el.labels[0]) || el;
        const r = target.getBoundingClientRect();
        const inlineLink = el.matches('a') && getComputedStyle(el).display === 'inline';
        const block = el.closest('p, li, td, th, dd, dt, div, span');
        if (inlineLink && block && block.innerText.trim().length > el.innerText.trim().length + 2) continue;
        const need = inlineLink && el.closest('td, th') ? 24 : 48;
        if (r.height < need - 0.5 || r.width < need - 0.5)
            problems.push('touch target ' + Math.round(r.width) + '×' + Math.round(r.height) + ' px < ' + need + ' px: ' + where(el));
    }
    // Every field has a label a screen reader reads out.
    for (const el of document.querySelectorAll('input, select, textarea')) {
        if (el.matches('input[type=hidden], input[type=submit], input[type=button]')) continue;
        const named = (el.labels && el.labels.length) || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
        if (!named) problems.push('field without a label: ' + where(el));
    }
    // Every id that aria-describedby / aria-labelledby names exists.
    for (const el of document.querySelectorAll('[aria-describedby], [aria-labelledby]')) {
        for (const a of ['aria-describedby', 'aria-labelledby']) {
            for (const id of (el.getAttribute(a) || '').split(/\s+/).filter(Boolean)) {
                if (!document.getElementById(id)) problems.push(a + ' names a missing id "' + id + '": ' + where(el));
            }
        }
    }
    // The page does not scroll sideways (tables scroll inside their own wrapper).
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) {
        const wide = [...document.body.querySelectorAll('*')].filter(el =>
            el.getBoundingClientRect().right > doc.clientWidth + 1 && !el.closest('.table-wrap') &&
            ![...el.children].some(c => c.getBoundingClientRect().right > doc.clientWidth + 1));
        problems.push('page scrolls sideways: ' + doc.scrollWidth + ' > ' + doc.clientWidth +
            ' px, because of ' + wide.slice(0, 3).map(where).join(', '));
    }
    return problems;
})
