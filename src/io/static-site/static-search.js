// The static site's search: filters search-index.js (loaded before this script) in the browser.
// Plain substring matching, so two-character words such as 女性 are found; every word must match.
(() => {
  const entries = globalThis.mierukaSearchIndex ?? [];
  const typeLabels = {
    plan: '計画',
    node: '施策・事業',
    achievement: '取り組み実績',
    indicator: '指標',
    evaluation: '評価',
  };
  const normalize = (text) => text.normalize('NFKC').toLowerCase();
  const haystacks = entries.map((entry) => normalize(`${entry.title} ${entry.text}`));

  function search(query) {
    const words = normalize(query).split(/\s+/).filter(Boolean);
    if (words.length === 0) return [];
    return entries.filter((_, index) => words.every((word) => haystacks[index].includes(word)));
  }

  function element(name, props, ...children) {
    const node = document.createElement(name);
    Object.assign(node, props);
    node.append(...children);
    return node;
  }

  function render(query, hits) {
    const section = element('section', { id: 'static-search-results' });
    section.setAttribute('aria-labelledby', 'static-search-heading');
    section.append(element('h2', { id: 'static-search-heading' }, `「${query}」の検索結果 ${hits.length}件`));
    if (hits.length === 0)
      section.append(element('p', {}, '見つかりませんでした。別の言葉でお試しください。'));
    const list = element('ol', { className: 'search-results' });
    for (const hit of hits) {
      list.append(
        element(
          'li',
          {},
          element('p', { className: 'meta' }, `${typeLabels[hit.type] ?? ''}・${hit.planTitle}`),
          element('h3', {}, element('a', { href: `../${hit.url}` }, hit.title)),
        ),
      );
    }
    section.append(list);
    return section;
  }

  const query = new URLSearchParams(location.search).get('q') ?? '';
  const input = document.querySelector('input[name="q"]');
  if (input) input.value = query;
  if (query.trim() === '') return;
  const form = document.querySelector('form.search-form') ?? input?.form;
  const results = render(query, search(query));
  if (form) form.closest('search, form').after(results);
  else document.querySelector('main')?.append(results);
})();
