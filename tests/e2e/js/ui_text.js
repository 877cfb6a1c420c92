// Everything a person reads or hears on the page, as one string (see english_words).
(() => {
    const skip = el => el.closest('[translate="no"], code, pre, script, style');
    const parts = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode;
        if (!skip(node.parentElement)) parts.push(node.textContent);
    }
    for (const el of document.querySelectorAll(
            '[placeholder], [aria-label], [title], [alt], input[type=submit], input[type=button]')) {
        if (skip(el)) continue;
        for (const a of ['placeholder', 'aria-label', 'title', 'alt']) {
            if (el.getAttribute(a)) parts.push(el.getAttribute(a));
        }
        if (el.matches('input[type=submit], input[type=button]')) parts.push(el.value);
    }
    return parts.join('\n');
})
