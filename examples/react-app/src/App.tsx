// React 19 renders custom elements natively: attributes as written, `client`/`strings` as properties and
// `ondvc-…` props as event listeners. The typings come from one type-only import.
import type {} from '@dvc-kit/elements/jsx';
import type { SelectEventDetail } from '@dvc-kit/elements';
import { useState } from 'react';

type Lang = 'vi' | 'en';

const TEXT = {
  vi: {
    title: 'Dịch vụ công', subtitle: 'Ứng dụng React dùng các thành phần dvc-kit', language: 'Ngôn ngữ',
    search: 'Tìm thủ tục', recent: 'Thủ tục vừa xem', none: 'Chưa xem thủ tục nào.', track: 'Tra cứu hồ sơ',
  },
  en: {
    title: 'Public services', subtitle: 'A React app using the dvc-kit elements', language: 'Language',
    search: 'Find a procedure', recent: 'Recently viewed', none: 'No procedure viewed yet.', track: 'Track a dossier',
  },
} as const;

export function App() {
  const [lang, setLang] = useState<Lang>('vi');
  const [recent, setRecent] = useState<SelectEventDetail[]>([]);
  const text = TEXT[lang];

  // The elements follow the nearest `lang`: switching it here switches every widget's language too.
  return (
    <div lang={lang} className="app">
      <header className="app-header">
        <div>
          <h1>{text.title}</h1>
          <p>{text.subtitle}</p>
        </div>
        <label className="lang">
          {text.language}{' '}
          <select value={lang} onChange={(event) => setLang(event.target.value as Lang)}>
            <option value="vi">Tiếng Việt</option>
            <option value="en">English</option>
          </select>
        </label>
      </header>

      <dvc-provider base-url="/">
        <main className="app-main">
          <section aria-labelledby="search-title">
            <h2 id="search-title">{text.search}</h2>
            <dvc-service-search
              heading-level={3}
              ondvc-select={(event) => {
                const chosen = event.detail;
                setRecent((list) => [chosen, ...list.filter((item) => item.code !== chosen.code)].slice(0, 5));
              }}
            >
              <p><a href="https://dichvucong.gov.vn/">Cổng Dịch vụ công quốc gia</a></p>
            </dvc-service-search>
          </section>

          <aside aria-labelledby="recent-title">
            <h2 id="recent-title">{text.recent}</h2>
            {recent.length === 0 ? <p>{text.none}</p> : (
              <ul className="recent">
                {recent.map((item) => <li key={item.code}>{item.name} <span className="code">{item.code}</span></li>)}
              </ul>
            )}
          </aside>

          <section aria-labelledby="track-title">
            <h2 id="track-title">{text.track}</h2>
            <dvc-dossier-tracker heading-level={3}>
              <p><a href="https://dichvucong.gov.vn/">Cổng Dịch vụ công quốc gia</a></p>
            </dvc-dossier-tracker>
          </section>
        </main>
      </dvc-provider>
    </div>
  );
}
