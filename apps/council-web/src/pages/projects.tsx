import { useQuery } from 'urql';
import { PROJECTS } from '../api.js';
import { Loaded, PageHeader, TableScroll } from '../components.js';
import { useI18n } from '../i18n.js';
import { Link } from '../router.js';

interface Project {
  id: string;
  name: string;
  nameEn: string | null;
  track: string;
  provinces: string[];
}

export function ProjectsPage() {
  const { t, te, locale } = useI18n();
  const [result] = useQuery<{ projects: Project[] }>({ query: PROJECTS });
  return (
    <>
      <PageHeader title={t('projects.title')} />
      <Loaded result={result}>
        {({ projects }) => (
          <TableScroll>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('field.project')}</th>
                  <th scope="col">{t('field.track')}</th>
                  <th scope="col">{t('projects.provinces')}</th>
                </tr>
              </thead>
              <tbody>
                {projects.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <Link to={`/projects/${p.id}`}>{locale === 'en' && p.nameEn ? p.nameEn : p.name}</Link>
                    </th>
                    <td>
                      <Link to={`/tracks/${p.track.toLowerCase()}`}>{te('track', p.track.toUpperCase())}</Link>
                    </td>
                    <td>
                      {p.provinces.map((code, i) => (
                        <span key={code}>
                          {i > 0 && ', '}
                          <Link to={`/provinces/${code}`}>{code}</Link>
                        </span>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </Loaded>
    </>
  );
}
