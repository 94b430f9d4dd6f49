// Registers only the search (its inline procedure detail is loaded by the search when a citizen opens one).
import '@dvc-kit/elements/service-search/define';
import { createClient, isDvcError, type FilterValue } from '@dvc-kit/sdk';

// One client for the page, shared with the element: one cache, one set of retries. The API is on this origin
// (`npm start`, or the dev server's proxy).
const client = createClient({ baseUrl: '/' });
const search = document.querySelector('dvc-service-search')!;
search.client = client;

const list = document.querySelector<HTMLUListElement>('#fields')!;
const status = document.querySelector<HTMLElement>('#fields-status')!;
const chosen = document.querySelector<HTMLElement>('#chosen')!;

function fieldButton(field: FilterValue | null): HTMLLIElement {
  const item = document.createElement('li');
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset.field = field?.id ?? '';
  button.textContent = field ? `${field.name} (${field.count})` : 'Tất cả lĩnh vực';
  button.setAttribute('aria-pressed', String(field === null));
  button.addEventListener('click', () => {
    // Presetting `field` on the element filters its search (and hides its own field filter).
    search.field = field?.id || undefined;
    for (const other of list.querySelectorAll('button')) other.setAttribute('aria-pressed', String(other === button));
  });
  item.append(button);
  return item;
}

// The one direct SDK call: the fields with their procedure counts, largest first.
try {
  const fields = await client.procedures.fields();
  const largest = [...fields.items].sort((a, b) => b.count - a.count).slice(0, 6);
  list.replaceChildren(fieldButton(null), ...largest.map(fieldButton));
  status.textContent = `${fields.items.length} lĩnh vực trong danh mục.`;
} catch (error) {
  status.textContent = isDvcError(error) && error.kind === 'network'
    ? 'Không kết nối được máy chủ; vẫn có thể tìm thủ tục khi có mạng trở lại.'
    : 'Chưa tải được danh sách lĩnh vực.';
}

// Events bubble out of the element like native ones; the detail carries no personal data.
search.addEventListener('dvc-select', (event) => {
  const { code, name } = event.detail; // typed: the package adds its events to HTMLElementEventMap
  chosen.textContent = `Đã chọn: ${name} (mã ${code})`;
});
