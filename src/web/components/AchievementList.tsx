/** Dated achievements (取り組み実績) as a timeline, oldest first, each date in 西暦（和暦） and each with its source. */
import type { Achievement } from '../../domain/model.ts';
import { contentLang, useLang, useMessages } from '../i18n/index.ts';
import { byDate } from './achievement-order.ts';
import { DateText } from './DateText.tsx';
import { SourceLink } from './SourceLink.tsx';

export interface AchievementListProps {
  achievements: Achievement[];
}

export function AchievementList({ achievements }: AchievementListProps) {
  const t = useMessages();
  const lang = useLang();
  return (
    <ol class="timeline">
      {byDate(achievements).map((achievement) => (
        <li id={`achievement-${achievement.id}`}>
          <p class="timeline-date">
            {achievement.date === null ? t.noDate : <DateText date={achievement.date} />}
            {achievement.date !== null && achievement.dateBasis === 'reported' ? t.reportedBy : ''}
          </p>
          <p class="timeline-title" lang={contentLang(lang)}>
            <SourceLink source={achievement.source}>{achievement.title}</SourceLink>
          </p>
          {achievement.details.length > 0 ? (
            <ul lang={contentLang(lang)}>
              {achievement.details.map((detail) => (
                <li>{detail}</li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
