/** Dated achievements (取り組み実績), each with its source. */
import type { Achievement } from '../../domain/model.ts';
import { DateText } from './DateText.tsx';
import { SourceLink } from './SourceLink.tsx';

export interface AchievementListProps {
  achievements: Achievement[];
}

export function AchievementList({ achievements }: AchievementListProps) {
  return (
    <ul class="achievements">
      {achievements.map((achievement) => (
        <li id={`achievement-${achievement.id}`}>
          <SourceLink source={achievement.source}>{achievement.title}</SourceLink>
          <span class="meta">
            {' '}
            （{achievement.date === null ? '時期の記載なし' : <DateText date={achievement.date} />}
            {achievement.date !== null && achievement.dateBasis === 'reported' ? 'までに報告' : ''}）
          </span>
          {achievement.details.length > 0 ? (
            <ul>
              {achievement.details.map((detail) => (
                <li>{detail}</li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
